import { render } from 'preact';
import { preparePage } from '../../components/panel/common';
import { OptionsApp } from '../../components/options/App';
import '../../components/pages.css';

preparePage('optionsTitle');
render(<OptionsApp />, document.getElementById('app')!);

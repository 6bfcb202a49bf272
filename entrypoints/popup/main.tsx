import { render } from 'preact';
import { preparePage } from '../../components/panel/common';
import { PopupApp } from '../../components/popup/App';
import '../../components/pages.css';

preparePage('popupTitle');
render(<PopupApp />, document.getElementById('app')!);

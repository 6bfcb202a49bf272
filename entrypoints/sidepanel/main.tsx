import { render } from 'preact';
import { PanelApp } from '../../components/panel/App';
import { preparePage } from '../../components/panel/common';
import '../../components/pages.css';

preparePage('panelTitle');
render(<PanelApp />, document.getElementById('app')!);

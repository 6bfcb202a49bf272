import { render } from 'preact';
import { preparePage } from '../../components/panel/common';
import { WelcomeApp } from '../../components/welcome/App';
import '../../components/pages.css';
import '../../components/welcome/welcome.css';
import '../content/highlights.css';

preparePage('welcomeTitle');
render(<WelcomeApp />, document.getElementById('app')!);

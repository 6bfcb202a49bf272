import { defineContentScript } from 'wxt/utils/define-content-script';
import { GlossPage } from '../../utils/page/gloss-page';
import './highlights.css';

export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_idle',
  cssInjectionMode: 'manifest',
  main(ctx) {
    void new GlossPage(ctx).start();
  },
});

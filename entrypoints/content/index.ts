import { defineContentScript } from 'wxt/utils/define-content-script';
import { GlossPage } from '../../page/gloss-page';
import './highlights.css';

export default defineContentScript({
  // Where the site list switches Gloss on, and nowhere else: background/registration.ts.
  registration: 'runtime',
  matches: ['<all_urls>'],
  runAt: 'document_idle',
  cssInjectionMode: 'manifest',
  main(ctx) {
    void new GlossPage(ctx).start();
  },
});

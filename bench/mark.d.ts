declare module 'mark.js/dist/mark.min.js' {
  interface MarkOptions {
    accuracy?: 'partially' | 'complementary' | 'exactly';
    separateWordSearch?: boolean;
    diacritics?: boolean;
    caseSensitive?: boolean;
    acrossElements?: boolean;
    exclude?: string[];
    done?: (total: number) => void;
  }
  export default class Mark {
    constructor(context: Element | Element[] | NodeList | string);
    mark(keywords: string | string[], options?: MarkOptions): void;
    unmark(options?: { done?: () => void }): void;
  }
}

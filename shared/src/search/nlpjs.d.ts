// @nlpjs/lang-nl ships JavaScript only: the one class this package uses.
declare module '@nlpjs/lang-nl/src/stemmer-nl.js' {
  /** The Snowball Dutch stemmer. */
  export default class StemmerNl {
    stemWord(word: string): string;
  }
}

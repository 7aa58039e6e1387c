// Wraps Material's search worker (its file name comes in the query string).
//
// 1. Inflected words find their pages. Material searches every term as a
//    prefix ("потоками*"), and lunr does not stem prefix terms, while the index
//    holds stems ("поток"). So each term's stems are searched as well.
// 2. Each language's site lists its own pages only: the index holds both
//    languages; "only" keeps pages under a prefix, "skip" drops them.
const params = new URL(self.location.href).searchParams
importScripts(params.get("worker"))

const only = params.get("only")
const skip = params.getAll("skip")
const search = lunr.Index.prototype.search

function stems(word) {
  const found = new Set()
  for (const stemmer of [lunr.stemmer, lunr.ru && lunr.ru.stemmer]) {
    if (!stemmer) continue
    const stem = stemmer(new lunr.Token(word, {})).toString()
    if (stem && stem !== word) found.add(stem)
  }
  return [...found]
}

lunr.Index.prototype.search = function (query) {
  const widened = query.replace(
    /(^|\s)\+?([^\s:*~^+-]+)\*(?=\s|$)/gu,
    (term, space, word) =>
      [term, ...stems(word.toLowerCase()).map(stem => `${stem}*`)].join(" ")
  )
  return search.call(this, widened).filter(result =>
    only !== null
      ? result.ref.startsWith(only)
      : !skip.some(prefix => result.ref.startsWith(prefix))
  )
}

// Wraps Material's search worker (its file name comes in the query string).
//
// 1. Inflected words find their pages. Material searches every term as a
//    prefix ("потоками*"), and lunr does not stem prefix terms, while the index
//    holds stems ("поток"). So each term's stems are searched as well.
// 2. Each language's site lists its own pages only: the index holds both
//    languages; "only" keeps pages under a prefix, "skip" drops them.
// 3. A query lunr fails on still finds pages. For some sets of words lunr
//    expands a prefix term ("1*" from "Thread-1") to a word its index lacks
//    and throws (olivernn/lunr.js#314): Material then shows no results. The
//    same query with whole words instead of prefixes runs.
const params = new URL(self.location.href).searchParams
importScripts(params.get("worker"))

const only = params.get("only")
const skip = params.getAll("skip")
const search = lunr.Index.prototype.search
const query = lunr.Index.prototype.query

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

// Material queries the index twice, for the results and for the words to mark
// in them; both go through here (search() calls query() as well)
lunr.Index.prototype.query = function (build) {
  try {
    return query.call(this, build)
  } catch (error) {
    return query.call(this, built => {
      build(built)
      for (const clause of built.clauses) {
        clause.term = clause.term.replace(/\*/g, "")
        clause.wildcard = lunr.Query.wildcard.NONE
        clause.usePipeline = true  // whole words are stemmed, as the index is
      }
    })
  }
}

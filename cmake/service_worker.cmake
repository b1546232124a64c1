# Writes dist/sw.js from web/sw.js: the list to precache is exactly what is in
# dist/ (but sw.js itself and the .gz/.br copies, which the server sends in
# place of the originals), and the cache name is a content hash of those files
# — a new build gets a new cache, an unchanged one keeps its cache, and nobody
# bumps a version by hand. The language files (i18n/) are listed apart: each
# is kept once someone has used it, not downloaded for everyone.
# Usage: cmake -DDIST=dir -DTEMPLATE=web/sw.js -P service_worker.cmake
file(GLOB files LIST_DIRECTORIES false RELATIVE ${DIST} ${DIST}/*)
list(FILTER files EXCLUDE REGEX "(^sw\\.js|\\.gz|\\.br)$")
list(SORT files)
set(all "")
set(list "  './',\n")
foreach(f IN LISTS files)
  file(SHA256 "${DIST}/${f}" h)
  string(APPEND all "${f}:${h}\n")
  string(APPEND list "  './${f}',\n")
endforeach()
file(GLOB languages LIST_DIRECTORIES false RELATIVE ${DIST} ${DIST}/i18n/*.json)
list(SORT languages)
set(language_list "")
foreach(f IN LISTS languages)
  file(SHA256 "${DIST}/${f}" h)
  string(APPEND all "${f}:${h}\n")
  string(APPEND language_list "  './${f}',\n")
endforeach()
string(SHA256 digest "${all}")
string(SUBSTRING "${digest}" 0 12 digest)
file(READ "${TEMPLATE}" sw)
string(REPLACE "@CACHE_NAME@" "unfurl-${digest}" sw "${sw}")
string(REPLACE "@PRECACHE@" "${list}" sw "${sw}")
string(REPLACE "@LANGUAGES@" "${language_list}" sw "${sw}")
file(WRITE "${DIST}/sw.js" "${sw}")

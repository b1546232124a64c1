# Writes dist/sw.js from web/sw.js with a cache name taken from a content hash
# of everything it precaches: a new build gets a new cache, an unchanged one
# keeps its cache, and nobody bumps a version by hand.
# Usage: cmake -DDIST=dir -DTEMPLATE=web/sw.js -DFILES="a;b" -P service_worker.cmake
set(all "")
set(list "")
foreach(f IN LISTS FILES)
  file(SHA256 "${DIST}/${f}" h)
  string(APPEND all "${f}:${h}\n")
  string(APPEND list "  './${f}',\n")
endforeach()
string(SHA256 digest "${all}")
string(SUBSTRING "${digest}" 0 12 digest)
file(READ "${TEMPLATE}" sw)
string(REPLACE "@CACHE_NAME@" "unfurl-${digest}" sw "${sw}")
string(REPLACE "@PRECACHE@" "${list}" sw "${sw}")
file(WRITE "${DIST}/sw.js" "${sw}")

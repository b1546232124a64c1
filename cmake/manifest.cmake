# Writes the web manifest in one language: web/manifest.webmanifest names only
# Unfurl; this copy adds the page's title and description from the language
# file, and its lang, for browsers that read the manifest the page links
# (web/app.js links the one of the page's language).
# Usage: cmake -DTEMPLATE=… -DLANG_FILE=… -DOUT=… -P manifest.cmake
file(READ ${TEMPLATE} manifest)
file(READ ${LANG_FILE} strings)
get_filename_component(code ${LANG_FILE} NAME_WE)

function(json_string in out)
  string(REPLACE "\\" "\\\\" s "${in}")
  string(REPLACE "\"" "\\\"" s "${s}")
  set(${out} "\"${s}\"" PARENT_SCOPE)
endfunction()

string(JSON title GET "${strings}" "page.title")
string(JSON description GET "${strings}" "page.description")
json_string("${title}" title)
json_string("${description}" description)
string(JSON manifest SET "${manifest}" name "${title}")
string(JSON manifest SET "${manifest}" description "${description}")
string(JSON manifest SET "${manifest}" lang "\"${code}\"")
# Indented for people; a JSON string holds no raw newline, so this is lossless.
string(REGEX REPLACE "\n *" "" manifest "${manifest}")
file(WRITE ${OUT} "${manifest}\n")

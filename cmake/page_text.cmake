# Writes web/index.html into dist/ with its words taken from the language file:
# {{key}} becomes that key's text (HTML-escaped), and {{@signs}} the warning
# signs with each tier's action — what the page says when the app cannot run
# (no WebGL2, no JavaScript) comes from assets/i18n like every other word.
# Usage: cmake -DTEMPLATE=… -DLANG_FILE=… -DOUT=… -P page_text.cmake
file(READ ${TEMPLATE} page)
file(READ ${LANG_FILE} strings)

function(escape_html in out)
  string(REPLACE "&" "&amp;" s "${in}")
  string(REPLACE "<" "&lt;" s "${s}")
  string(REPLACE ">" "&gt;" s "${s}")
  set(${out} "${s}" PARENT_SCOPE)
endfunction()

set(signs "")
string(JSON title GET "${strings}" "page.signs_title")
escape_html("${title}" title)
string(APPEND signs "<p class=\"signs-title\">${title}</p><ul>")
foreach(tier emergency urgent clinician review)
  string(JSON text GET "${strings}" "page.signs_${tier}")
  escape_html("${text}" text)
  string(APPEND signs "<li class=\"sign-${tier}\">${text}</li>")
endforeach()
string(APPEND signs "</ul>")
string(REPLACE "{{@signs}}" "${signs}" page "${page}")

string(REGEX MATCHALL "{{[a-z_.]+}}" keys "${page}")
list(REMOVE_DUPLICATES keys)
foreach(placeholder IN LISTS keys)
  string(REGEX REPLACE "^{{(.*)}}$" "\\1" key "${placeholder}")
  string(JSON text ERROR_VARIABLE missing GET "${strings}" "${key}")
  if(missing)
    message(FATAL_ERROR "index.html asks for \"${key}\", which ${LANG_FILE} does not have")
  endif()
  escape_html("${text}" text)
  string(REPLACE "${placeholder}" "${text}" page "${page}")
endforeach()
file(WRITE ${OUT} "${page}")

# Copies a stylesheet into dist/ without its comments and spare whitespace:
# the comments are for whoever edits web/*.css, not for a phone's first visit
# (scripts/check-size). Usage: cmake -DIN=web/x.css -DOUT=dist/x.css -P minify_css.cmake
file(READ "${IN}" css)
string(REGEX REPLACE "/\\*([^*]|\\*+[^*/])*\\*+/" "" css "${css}")
string(REGEX REPLACE "[ \t\r\n]+" " " css "${css}")
string(REGEX REPLACE " ?([{};,>]) ?" "\\1" css "${css}")
string(REGEX REPLACE ": " ":" css "${css}")
string(STRIP "${css}" css)
file(WRITE "${OUT}" "${css}\n")

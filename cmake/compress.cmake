# Writes name.gz and name.br beside every file of DIST and its folders (except
# those copies), then touches STAMP. Old copies of files that are gone are removed.
# The gzip copies are zopfli's: the same format every browser reads, about 5 %
# smaller than gzip -9 (scripts/check-size measures them the same way).
file(GLOB_RECURSE copies ${DIST}/*.gz ${DIST}/*.br)
if(copies)
  file(REMOVE ${copies})
endif()
file(GLOB_RECURSE files LIST_DIRECTORIES false ${DIST}/*)
foreach(f IN LISTS files)
  execute_process(COMMAND zopfli --gzip ${f} RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "zopfli failed on ${f}")
  endif()
  execute_process(COMMAND brotli -f -q 11 -o ${f}.br ${f} RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "brotli failed on ${f}")
  endif()
endforeach()
file(TOUCH ${STAMP})

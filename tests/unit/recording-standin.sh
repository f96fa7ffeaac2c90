#!/bin/bash
# A stand-in chamber-media for test_recordingservice: says ready, appends every line it gets to
# $LINES, answers record-stop with the same `recorded` twice (sha256 $SHA), and answers the
# record-start of recording $FAIL with a record-error.
echo '{"type":"ready","version":1}'
while IFS= read -r line; do
  echo "$line" >> "$LINES"
  id=$(sed -E 's/.*"recording":"([^"]+)".*/\1/' <<<"$line")
  case "$line" in
    *'"record-stop"'*)
      r='{"type":"recorded","recording":"'$id'","sha256":"'$SHA'","bytes":10,"durationMs":1000,"partial":false}'
      echo "$r"
      echo "$r"
      ;;
    *'"record-start"'*)
      if [ "$FAIL" = "$id" ]; then
        echo '{"type":"record-error","recording":"'$id'","code":"unavailable","message":"disk full"}'
      fi
      ;;
  esac
done

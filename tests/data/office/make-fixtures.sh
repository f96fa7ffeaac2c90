#!/usr/bin/env bash
# Remakes the office files the document tests upload, from the flat ODF sources beside this
# script (plain XML, Vietnamese text), with LibreOffice itself:
#   to-trinh.fodt → to-trinh.docx, to-trinh.odt;  so-lieu.fods → so-lieu.xlsx;
#   trinh-chieu.fodp → trinh-chieu.pptx
set -euo pipefail
cd "$(dirname "$0")"
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
convert() { soffice "-env:UserInstallation=file://$profile" --headless --norestore --convert-to "$1" "$2"; }
convert docx to-trinh.fodt
convert odt to-trinh.fodt
convert xlsx so-lieu.fods
convert pptx trinh-chieu.fodp

#!/usr/bin/env python3
"""Fills a Qt Linguist .ts file from a Python dict of source -> translation.

Used once per new batch of strings after `cmake --build build/dev --target
chamber_kiosk_app_lupdate`: translations are written by people; this only puts them in place
and marks them finished. English gets the source text itself.

    scripts/fill_translations.py assets/translations/chamber_vi.ts vi-strings.py
    scripts/fill_translations.py assets/translations/chamber_en.ts --identity
"""
import html
import re
import runpy
import sys


def fill(ts_path, table):
    text = open(ts_path, encoding="utf-8").read()
    missing = []

    def replace(match):
        message = match.group(0)
        source = html.unescape(re.search(r"<source>(.*?)</source>", message, re.S).group(1))
        translated = table(source)
        if translated is None:
            missing.append(source)
            return message
        escaped = html.escape(translated, quote=False).replace("'", "&apos;")
        if 'numerus="yes"' in message:
            body = "<translation><numerusform>%s</numerusform></translation>" % escaped
            if 'language="en' in text:
                body = ("<translation><numerusform>%s</numerusform><numerusform>%s</numerusform>"
                        "</translation>" % (escaped, escaped))
        else:
            body = "<translation>%s</translation>" % escaped
        return re.sub(r"<translation[^>]*?(/>|>.*?</translation>)", body, message, flags=re.S)

    text = re.sub(r"<message[^>]*>.*?</message>", replace, text, flags=re.S)
    open(ts_path, "w", encoding="utf-8").write(text)
    return missing


if __name__ == "__main__":
    path = sys.argv[1]
    if sys.argv[2] == "--identity":
        missing = fill(path, lambda source: source)
    else:
        strings = runpy.run_path(sys.argv[2])["vi"]
        missing = fill(path, strings.get)
    for source in missing:
        print("untranslated:", source)
    sys.exit(1 if missing else 0)

// Real PDFs for tests, made here rather than shipped: text laid out by Qt's PDF writer (with
// its fonts, so Vietnamese diacritics are real glyphs), and their broken relatives.
#pragma once

#include <QByteArray>
#include <QString>

namespace chamber::testing {

// A PDF of `text` under `title` (also its metadata title), repeated until it has at least
// `minPages` pages. Needs a QGuiApplication (fonts).
QByteArray makeTextPdf(const QString &title, const QString &text, int minPages = 1);

// One of the Vietnamese news articles in assets/sample/articles (1-5), as a PDF.
QByteArray makeArticlePdf(int article, int minPages = 1);

// The same PDF encrypted with qpdf (user password `password`, empty for owner-only
// restrictions); empty when qpdf is missing.
QByteArray encryptPdf(const QByteArray &pdf, const QString &password);

// `pdf` with an incremental update appended, as editors and signing tools write them: a new
// document information dictionary with `title`, a cross-reference section for it and a
// trailer pointing back (/Prev) at the previous one. Empty when `pdf` has no classic trailer.
QByteArray appendRevision(const QByteArray &pdf, const QString &title);

} // namespace chamber::testing

// Real PDFs made from text with Qt's PDF writer (its fonts, so Vietnamese diacritics are real
// glyphs): the demo meeting's documents, the kiosk's self-test and the tests. Needs a
// QGuiApplication (fonts); the offscreen platform is enough.
#pragma once

#include <QByteArray>
#include <QString>

namespace chamber::support {

// A PDF of `text` under `title` (also its metadata title), repeated until it has at least
// `minPages` pages.
QByteArray makeTextPdf(const QString &title, const QString &text, int minPages = 1);

// The sample Vietnamese news articles shipped in the programs (assets/sample/articles): how
// many there are, one's text (its first line is its title), and one as a PDF.
int sampleArticleCount();
QString sampleArticle(int number); // from 1
QByteArray sampleArticlePdf(int number, int minPages = 1);

} // namespace chamber::support

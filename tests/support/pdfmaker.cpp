#include "pdfmaker.h"

#include "support/textpdf.h"

#include "childprocess.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>

namespace chamber::testing {

QByteArray makeTextPdf(const QString &title, const QString &text, int minPages)
{
    return support::makeTextPdf(title, text, minPages);
}

QByteArray makeArticlePdf(int article, int minPages)
{
    return support::sampleArticlePdf(article, minPages);
}

QByteArray encryptPdf(const QByteArray &pdf, const QString &password)
{
    QTemporaryDir dir;
    QFile in(dir.filePath(QStringLiteral("in.pdf")));
    if (!in.open(QIODevice::WriteOnly))
        return {};
    in.write(pdf);
    in.close();
    const QString out = dir.filePath(QStringLiteral("out.pdf"));
    QProcess qpdf;
    chamber::testing::dieWithTest(qpdf);
    qpdf.start(QStringLiteral("qpdf"),
        {QStringLiteral("--encrypt"), password, QStringLiteral("owner-secret"),
            QStringLiteral("256"), QStringLiteral("--"), in.fileName(), out});
    if (!qpdf.waitForFinished(30000) || qpdf.exitCode() != 0)
        return {};
    QFile result(out);
    return result.open(QIODevice::ReadOnly) ? result.readAll() : QByteArray();
}

QByteArray appendRevision(const QByteArray &pdf, const QString &title)
{
    const QString tail = QString::fromLatin1(pdf.right(4096));
    static const QRegularExpression startxref(QStringLiteral("startxref\\s+(\\d+)\\s+%%EOF\\s*$"));
    static const QRegularExpression size(QStringLiteral("/Size\\s+(\\d+)"));
    static const QRegularExpression root(QStringLiteral("/Root\\s+(\\d+\\s+\\d+\\s+R)"));
    const auto previous = startxref.match(tail);
    const auto objects = size.match(tail);
    const auto catalog = root.match(tail);
    if (!previous.hasMatch() || !objects.hasMatch() || !catalog.hasMatch())
        return {};
    const int infoObject = objects.captured(1).toInt();
    QByteArray update = pdf;
    if (!update.endsWith('\n'))
        update += '\n';
    const qint64 infoOffset = update.size();
    // A UTF-16BE text string with its byte order mark (ISO 32000-1, 7.9.2.2).
    QByteArray utf16("\xfe\xff");
    for (const QChar c : title) {
        utf16 += char(c.unicode() >> 8);
        utf16 += char(c.unicode() & 0xff);
    }
    update += QByteArray::number(infoObject) + " 0 obj\n<< /Title <" + utf16.toHex()
        + "> /Producer (chamber tests) >>\nendobj\n";
    const qint64 xrefOffset = update.size();
    update += "xref\n" + QByteArray::number(infoObject) + " 1\n"
        + QByteArray::number(infoOffset).rightJustified(10, '0') + " 00000 n \n";
    update += "trailer\n<< /Size " + QByteArray::number(infoObject + 1) + " /Root "
        + catalog.captured(1).toLatin1() + " /Info " + QByteArray::number(infoObject)
        + " 0 R /Prev " + previous.captured(1).toLatin1() + " >>\nstartxref\n"
        + QByteArray::number(xrefOffset) + "\n%%EOF\n";
    return update;
}

} // namespace chamber::testing

#include "pdfmaker.h"

#include "support/textpdf.h"

#include "childprocess.h"

#include <QFile>
#include <QProcess>
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

} // namespace chamber::testing

#include "pdfmaker.h"

#include <QBuffer>
#include <QFile>
#include <QFont>
#include <QPdfWriter>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextDocument>

namespace chamber::testing {

QByteArray makeTextPdf(const QString &title, const QString &text, int minPages)
{
    QTextDocument document;
    document.setDefaultFont(QFont(QStringLiteral("Noto Sans"), 11));
    QString body = title + QStringLiteral("\n\n") + text;
    document.setPlainText(body);
    QByteArray pdf;
    for (;;) {
        pdf.clear();
        QBuffer buffer(&pdf);
        buffer.open(QIODevice::WriteOnly);
        QPdfWriter writer(&buffer);
        writer.setTitle(title);
        writer.setCreator(QStringLiteral("chamber tests"));
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setResolution(150);
        document.setPageSize(QSizeF(writer.width(), writer.height()));
        if (document.pageCount() >= minPages) {
            document.print(&writer);
            return pdf;
        }
        body += QStringLiteral("\n\n") + text;
        document.setPlainText(body);
    }
}

QByteArray makeArticlePdf(int article, int minPages)
{
    QFile file(
        QStringLiteral(CHAMBER_SOURCE_DIR "/assets/sample/articles/article-%1.txt").arg(article));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(file.fileName()));
    const QString text = QString::fromUtf8(file.readAll());
    return makeTextPdf(text.section(QLatin1Char('\n'), 0, 0).trimmed(), text, minPages);
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
    qpdf.start(QStringLiteral("qpdf"),
        {QStringLiteral("--encrypt"), password, QStringLiteral("owner-secret"),
            QStringLiteral("256"), QStringLiteral("--"), in.fileName(), out});
    if (!qpdf.waitForFinished(30000) || qpdf.exitCode() != 0)
        return {};
    QFile result(out);
    return result.open(QIODevice::ReadOnly) ? result.readAll() : QByteArray();
}

} // namespace chamber::testing

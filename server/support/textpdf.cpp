#include "support/textpdf.h"

#include <QBuffer>
#include <QFile>
#include <QFont>
#include <QPdfWriter>
#include <QTextDocument>

namespace chamber::support {

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
        writer.setCreator(QStringLiteral("Chamber"));
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

int sampleArticleCount()
{
    return 5;
}

QString sampleArticle(int number)
{
    QFile file(QStringLiteral(":/chamber/demo/articles/article-%1.txt").arg(number));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

QByteArray sampleArticlePdf(int number, int minPages)
{
    const QString text = sampleArticle(number);
    return makeTextPdf(text.section(QLatin1Char('\n'), 0, 0).trimmed(), text, minPages);
}

} // namespace chamber::support

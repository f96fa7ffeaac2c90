// Every user-facing string has a Vietnamese and an English translation, with the same
// placeholders as its source (a lost "%1" silently drops a name or a number).
#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <QXmlStreamReader>

namespace {

struct Message
{
    QString source;
    QStringList translations;
    bool finished = true;
};

QList<Message> readTs(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QList<Message> messages;
    QXmlStreamReader xml(&file);
    Message current;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement() && xml.name() == QLatin1String("message")) {
            current = Message {};
        } else if (xml.isStartElement() && xml.name() == QLatin1String("source")) {
            current.source = xml.readElementText();
        } else if (xml.isStartElement() && xml.name() == QLatin1String("translation")) {
            const QString type = xml.attributes().value(QLatin1String("type")).toString();
            current.finished = type.isEmpty();
            if (type == QLatin1String("vanished") || type == QLatin1String("obsolete"))
                current.source.clear(); // no longer in the code: ignored
        } else if (xml.isStartElement() && xml.name() == QLatin1String("numerusform")) {
            current.translations << xml.readElementText();
        } else if (xml.isCharacters() && !xml.isWhitespace() && current.translations.isEmpty()) {
            // plain <translation>text</translation>
        } else if (xml.isEndElement() && xml.name() == QLatin1String("translation")
            && current.translations.isEmpty()) {
            current.translations << QString();
        } else if (xml.isEndElement() && xml.name() == QLatin1String("message")
            && !current.source.isEmpty()) {
            messages << current;
        }
    }
    return messages;
}

QSet<QString> placeholders(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("%(\\d|n)"));
    QSet<QString> found;
    for (const auto &match : pattern.globalMatch(text))
        found.insert(match.captured(0));
    return found;
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void complete_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("vi") << "vi";
        QTest::newRow("en") << "en";
    }

    void complete()
    {
        QFETCH(QString, language);
        const QString path
            = QStringLiteral(CHAMBER_SOURCE_DIR "/assets/translations/chamber_%1.ts").arg(language);
        // Read the translations as text too: QXmlStreamReader above keeps only numerus forms.
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(file.readAll());
        const QList<Message> messages = readTs(path);
        QVERIFY2(messages.size() > 50, "the catalogue looks empty");
        QVERIFY2(!text.contains(QLatin1String("type=\"unfinished\"")), "unfinished translations");
        static const QRegularExpression pair(
            QStringLiteral("<source>(.*?)</source>\\s*<translation>(.*?)</translation>"),
            QRegularExpression::DotMatchesEverythingOption);
        int checked = 0;
        for (const auto &match : pair.globalMatch(text)) {
            const QString source = match.captured(1);
            const QString translation = match.captured(2);
            QVERIFY2(!translation.trimmed().isEmpty(),
                qPrintable(QStringLiteral("empty translation of: ") + source));
            if (!translation.contains(QLatin1String("<numerusform>")))
                QVERIFY2(placeholders(source) == placeholders(translation), qPrintable(source));
            ++checked;
        }
        QCOMPARE(checked, messages.size());
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "test_translations.moc"

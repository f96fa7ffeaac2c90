#include "qrcode/seatcardjob.h"

#include <QFile>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

namespace chamber::qrcode {

namespace {

const char *const kCardFields[] = {"seat", "name", "group", "joinUrl", "expiresAt"};

QString *fieldOf(SeatCard &card, int index)
{
    QString *fields[] = {&card.seat, &card.name, &card.group, &card.joinUrl, &card.expiresAt};
    return fields[index];
}

} // namespace

QByteArray seatCardJobToJson(const SeatCardJob &job)
{
    QJsonArray cards;
    for (SeatCard card : job.cards) {
        QJsonObject object;
        for (int i = 0; i < int(std::size(kCardFields)); ++i)
            object.insert(QLatin1String(kCardFields[i]), *fieldOf(card, i));
        cards.append(object);
    }
    return QJsonDocument(QJsonObject {{QStringLiteral("meetingTitle"), job.meetingTitle},
                             {QStringLiteral("cards"), cards}})
        .toJson(QJsonDocument::Compact);
}

Result<SeatCardJob> parseSeatCardJob(const QByteArray &json)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return makeError(ErrorCode::BadJson, QStringLiteral("a seat card job is a JSON object"));
    const QJsonObject object = document.object();
    const QJsonValue title = object.value(QLatin1String("meetingTitle"));
    const QJsonValue cards = object.value(QLatin1String("cards"));
    if (!title.isString())
        return makeError(ErrorCode::BadField, QStringLiteral("meetingTitle must be text"),
            QStringLiteral("meetingTitle"));
    if (!cards.isArray())
        return makeError(
            ErrorCode::BadField, QStringLiteral("cards must be a list"), QStringLiteral("cards"));
    if (cards.toArray().size() > kMaxSeatCardsPerJob)
        return makeError(ErrorCode::TooLarge,
            QStringLiteral("at most %1 seat cards at once").arg(kMaxSeatCardsPerJob),
            QStringLiteral("cards"));
    SeatCardJob job;
    job.meetingTitle = title.toString();
    const QJsonArray list = cards.toArray();
    for (qsizetype n = 0; n < list.size(); ++n) {
        if (!list.at(n).isObject())
            return makeError(ErrorCode::BadField, QStringLiteral("a card must be an object"),
                QStringLiteral("cards[%1]").arg(n));
        const QJsonObject card = list.at(n).toObject();
        SeatCard parsed;
        for (int i = 0; i < int(std::size(kCardFields)); ++i) {
            const QJsonValue value = card.value(QLatin1String(kCardFields[i]));
            if (!value.isString())
                return makeError(ErrorCode::BadField, QStringLiteral("must be text"),
                    QStringLiteral("cards[%1].%2").arg(n).arg(QLatin1String(kCardFields[i])));
            *fieldOf(parsed, i) = value.toString();
        }
        job.cards.push_back(parsed);
    }
    return job;
}

int renderSeatCardsMain(int argc, char *argv[])
{
    // Fonts need a QGuiApplication; the offscreen platform needs no display.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication application(argc, argv);
    QFile in;
    QFile out;
    if (!in.open(stdin, QIODevice::ReadOnly) || !out.open(stdout, QIODevice::WriteOnly)) {
        std::fputs("cannot open stdin and stdout\n", stderr);
        return 1;
    }
    const auto job = parseSeatCardJob(in.readAll());
    if (!job) {
        std::fprintf(stderr, "%s\n", qPrintable(job.error().message));
        return 1;
    }
    const auto pdf = renderSeatCardsPdf(job->meetingTitle, job->cards);
    if (!pdf) {
        std::fprintf(stderr, "%s\n", qPrintable(pdf.error().message));
        return 1;
    }
    return out.write(pdf.value()) == pdf->size() && out.flush() ? 0 : 1;
}

} // namespace chamber::qrcode

#include "minutespdf/minutesjob.h"

#include "minutespdf/minutesrender.h"

#include <QFile>
#include <QGuiApplication>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

namespace chamber::minutespdf {

using namespace chamber::minutes;

QByteArray minutesJobToJson(const MinutesModel &model, MinutesLanguage language)
{
    return QJsonDocument(QJsonObject {{QStringLiteral("model"), model.toJson()},
                             {QStringLiteral("language"), minutesLanguageCode(language)}})
        .toJson(QJsonDocument::Compact);
}

Result<MinutesJob> parseMinutesJob(const QByteArray &json)
{
    if (json.size() > kMaxMinutesJobBytes)
        return makeError(ErrorCode::TooLarge,
            QStringLiteral("a minutes job is at most %1 bytes").arg(kMaxMinutesJobBytes));
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return makeError(ErrorCode::BadJson, QStringLiteral("a minutes job is a JSON object"));
    const QJsonObject object = document.object();
    const QJsonValue language = object.value(QLatin1String("language"));
    const std::optional<MinutesLanguage> parsedLanguage
        = language.isString() ? minutesLanguageFromCode(language.toString()) : std::nullopt;
    if (!parsedLanguage)
        return makeError(ErrorCode::BadField, QStringLiteral("language must be \"vi\" or \"en\""),
            QStringLiteral("language"));
    const QJsonValue model = object.value(QLatin1String("model"));
    if (!model.isObject())
        return makeError(ErrorCode::BadField, QStringLiteral("model must be an object"),
            QStringLiteral("model"));
    Result<MinutesModel> parsedModel = MinutesModel::fromJson(model.toObject());
    if (!parsedModel) {
        Error error = parsedModel.error();
        error.field = error.field.isEmpty() ? QStringLiteral("model")
                                            : QStringLiteral("model.") + error.field;
        return error;
    }
    return MinutesJob {std::move(parsedModel).value(), *parsedLanguage};
}

int renderMinutesMain(int argc, char *argv[])
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
    // One byte more than allowed is enough to refuse it as too large.
    const auto job = parseMinutesJob(in.read(kMaxMinutesJobBytes + 1));
    if (!job) {
        std::fprintf(stderr, "%s\n", qPrintable(job.error().message));
        return 1;
    }
    const QByteArray pdf = renderMinutesPdf(job->model, job->language);
    if (pdf.isEmpty()) {
        std::fputs("the minutes could not be rendered (fonts or translations missing)\n", stderr);
        return 1;
    }
    return out.write(pdf) == pdf.size() && out.flush() ? 0 : 1;
}

} // namespace chamber::minutespdf

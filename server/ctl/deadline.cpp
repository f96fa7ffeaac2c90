#include "ctl/deadline.h"

#include <QDate>
#include <QDateTime>
#include <QRegularExpression>
#include <QTimeZone>

namespace chamber::ctl {

namespace {

Error notADeadline(const QString &text)
{
    return makeError(ErrorCode::BadField,
        QStringLiteral("\"%1\" is not a deadline: give a date (2027-01-31, the end of that day "
                       "in Vietnam) or a date and time (2027-01-31T17:00, Vietnam time, or with "
                       "an offset: 2027-01-31T10:00:00Z)")
            .arg(text.left(64)),
        QStringLiteral("deadline"));
}

} // namespace

Result<QString> parseDeadline(const QString &text)
{
    const QTimeZone vietnam(kVietnamOffsetSeconds);
    static const QRegularExpression dateOnly(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}$"));
    static const QRegularExpression dateTime(
        QStringLiteral("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2})?(Z|[+-]\\d{2}:\\d{2})?$"));
    QDateTime instant;
    if (dateOnly.match(text).hasMatch()) {
        const QDate date = QDate::fromString(text, Qt::ISODate);
        if (!date.isValid())
            return notADeadline(text);
        instant = QDateTime(date, QTime(23, 59, 59), vietnam);
    } else if (const auto match = dateTime.match(text); match.hasMatch()) {
        const bool hasOffset = !match.captured(2).isEmpty();
        instant = QDateTime::fromString(text, Qt::ISODate);
        if (!instant.isValid())
            return notADeadline(text);
        if (!hasOffset) // local time of the text is Vietnam's, not this computer's
            instant = QDateTime(instant.date(), instant.time(), vietnam);
    } else {
        return notADeadline(text);
    }
    if (!instant.isValid())
        return notADeadline(text);
    return instant.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ"));
}

} // namespace chamber::ctl

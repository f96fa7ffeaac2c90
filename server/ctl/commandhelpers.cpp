#include "ctl/commandhelpers.h"

namespace chamber::ctl {

int fail(CommandContext &context, const QString &message, int code)
{
    context.err << "chamberctl: " << message << Qt::endl;
    return code;
}

bool answered(CommandContext &context, const Result<HttpResult> &result, int *exitCode)
{
    if (!result) {
        *exitCode = fail(context, result.error().message,
            result.error().code == ErrorCode::Unavailable ? ExitUnreachable : ExitFailed);
        return false;
    }
    if (result->status >= 400) {
        *exitCode = fail(context,
            QStringLiteral("%1 (HTTP %2, %3)")
                .arg(result->json().value(QLatin1String("message")).toString())
                .arg(result->status)
                .arg(result->json().value(QLatin1String("code")).toString()),
            ExitFailed);
        return false;
    }
    return true;
}

bool positive(const QString &text, qint64 *value)
{
    bool ok = false;
    *value = text.toLongLong(&ok);
    return ok && *value > 0;
}

} // namespace chamber::ctl

#include "ctl/arguments.h"

namespace chamber::ctl {

Arguments Arguments::parse(const QStringList &words, const QSet<QString> &flags)
{
    Arguments arguments;
    for (qsizetype i = 0; i < words.size(); ++i) {
        const QString &word = words.at(i);
        if (word == QLatin1String("--")) {
            arguments.m_positional += words.mid(i + 1);
            break;
        }
        if (!word.startsWith(QLatin1String("--")) || word.size() == 2) {
            arguments.m_positional << word;
            continue;
        }
        QString name = word.mid(2);
        QString value;
        const qsizetype equals = name.indexOf(u'=');
        if (equals >= 0) {
            value = name.mid(equals + 1);
            name = name.left(equals);
        } else if (flags.contains(name)) {
            value = QStringLiteral("true");
        } else if (i + 1 < words.size()) {
            value = words.at(++i);
        } else {
            arguments.m_error = QStringLiteral("--%1 needs a value").arg(name);
        }
        arguments.m_options.insert(name, value);
    }
    return arguments;
}

QStringList Arguments::unknown(const QSet<QString> &allowed) const
{
    QStringList list;
    for (auto it = m_options.constBegin(); it != m_options.constEnd(); ++it) {
        if (!allowed.contains(it.key()))
            list << QStringLiteral("--") + it.key();
    }
    list.sort();
    return list;
}

} // namespace chamber::ctl

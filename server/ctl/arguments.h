// chamberctl's argument handling: positional words plus --options, checked against what each
// command accepts, so a mistyped option is an error rather than silently ignored.
#pragma once

#include <QHash>
#include <QSet>
#include <QStringList>

namespace chamber::ctl {

class Arguments
{
public:
    // `flags` take no value; every other --option takes one (--key value or --key=value).
    static Arguments parse(const QStringList &words, const QSet<QString> &flags);

    const QStringList &positional() const { return m_positional; }
    QString word(qsizetype index) const { return m_positional.value(index); }
    bool has(const QString &option) const { return m_options.contains(option); }
    QString value(const QString &option, const QString &fallback = {}) const
    {
        return m_options.value(option, fallback);
    }
    // The same options with the first `count` words removed (the command's own name).
    Arguments withoutWords(qsizetype count) const
    {
        Arguments copy = *this;
        copy.m_positional = m_positional.mid(count);
        return copy;
    }
    Arguments withoutLastWord() const
    {
        Arguments copy = *this;
        if (!copy.m_positional.isEmpty())
            copy.m_positional.removeLast();
        return copy;
    }
    Arguments withoutOption(const QString &option) const
    {
        Arguments copy = *this;
        copy.m_options.remove(option);
        return copy;
    }
    // Options given but not in `allowed`; the caller reports them.
    QStringList unknown(const QSet<QString> &allowed) const;
    QString error() const { return m_error; }

private:
    QStringList m_positional;
    QHash<QString, QString> m_options;
    QString m_error;
};

} // namespace chamber::ctl

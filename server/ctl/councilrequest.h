// What the council and task commands share: options turned into a JSON body (each checked, so a
// malformed value is refused before anything is sent), a request and its answer printed.
#pragma once

#include "ctl/commands.h"

#include <QJsonObject>

#include <functional>
#include <initializer_list>

namespace chamber::ctl {

enum class OptionKind {
    Text,
    Count, // a whole number >= 0
    Id, // a whole number >= 1
    Owner, // member:N or organisation:N → ownerKind, owner
    Deadline, // see deadline.h
};

struct BodyOption
{
    const char *option; // command-line name, without --
    const char *field; // JSON field
    OptionKind kind;
};

// The body from the options given; the first malformed one is the error.
Result<QJsonObject> bodyFrom(const Arguments &args, std::initializer_list<BodyOption> options);
// The positional ids (COUNCIL, TASK, ...), each a positive whole number; `names` say which.
Result<std::vector<qint64>> idsFrom(const Arguments &args, const QStringList &names);

using Printer = std::function<void(CommandContext &, const QJsonObject &)>;
// Sends, prints the answer (JSON with --json, else `print` or "ok"), and returns the exit code.
int request(CommandContext &c, const QByteArray &method, const QString &path,
    const QJsonObject &body, const Printer &print = {});
int fetch(CommandContext &c, const QString &path, const Printer &print);

// A left-aligned text table: the widths fit the widest cell of each column.
void printTable(QTextStream &out, const QStringList &header, const QList<QStringList> &rows);

} // namespace chamber::ctl

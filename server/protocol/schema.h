// The wire protocol as data: every message type, its direction and its fields.
//
// The table in schema.cpp is the single definition of the protocol. The parser validates
// against it, the round-trip tests iterate over it, and a test checks that PROTOCOL.md
// documents every type and field in it, so code and documentation cannot drift apart.
#pragma once

#include <QString>

#include <span>

namespace chamber::protocol {

constexpr int kProtocolVersion = 1;
// Request ids are chosen by clients; kept short so the idempotency table stays small.
constexpr int kMaxRequestIdLength = 64;

enum class Direction {
    ToServer, // sent by a client (kiosk, chamberctl, tests)
    ToClient, // sent by chamberd
};

enum class MessageKind {
    Session, // hello, ping, subscribe ...: answered, never stored
    Command, // changes state: becomes events, needs an id, a resend returns the first answer
    Reply, // ok / error, carries the id of the request it answers
    Push, // event, snapshot, bye: sent by the server unprompted
};

enum class FieldKind {
    String,
    Integer,
    NullableInteger, // an integer or null (e.g. "no parent", "no current item")
    Boolean,
    Object, // with nested fields when FieldSpec::fields is set, free-form otherwise
    Array,
    Any, // any JSON value (results of queries)
};

struct FieldSpec
{
    const char *name;
    FieldKind kind;
    bool required;
    // Integer: inclusive value range. String: inclusive length range in characters.
    qint64 min = 0;
    qint64 max = 0;
    // For strings with a fixed vocabulary: a null-terminated list of allowed values.
    const char *const *choices = nullptr;
    // For objects with a known shape.
    std::span<const struct FieldSpec> fields = {};
    const char *doc = "";
    // String: a label (title, name) shown to people; refused when protocol::labelProblem()
    // finds a control, bidi or invisible character, and normalised to NFC.
    bool label = false;
};

struct MessageSpec
{
    const char *type;
    Direction direction;
    MessageKind kind;
    std::span<const FieldSpec> fields;
    const char *doc;
};

std::span<const MessageSpec> allMessages();
const MessageSpec *findMessage(QStringView type, Direction direction);

QString fieldKindName(FieldKind kind);

} // namespace chamber::protocol

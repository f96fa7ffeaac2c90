// Commands on the meeting's documents. Adding one is not a command: the server checks and
// stores the upload first and then appends document.added itself (services/documentservice).
#include "core/commandroutes.h"

#include <array>

namespace chamber::core {

namespace {

using protocol::Message;

const QLatin1String kDocument("document");
const QLatin1String kPage("page");

Result<const Document *> findDocument(const MeetingState &state, qint64 id)
{
    const Document *document = state.documents.find(id);
    if (!document || document->removed)
        return notFoundError(QStringLiteral("document"), id, kDocument);
    return document;
}

Result<Decision> remove(const MeetingState &state, const Message &command, const DecisionContext &)
{
    auto document = findDocument(state, command.integer(kDocument));
    if (!document)
        return document.error();
    return singleEvent(QStringLiteral("document.removed"), {{kDocument, (*document)->id}});
}

// The presenter turns pages often: the same page again changes nothing and writes nothing.
Result<Decision> present(const MeetingState &state, const Message &command, const DecisionContext &)
{
    const qint64 id = command.optionalInteger(kDocument).value_or(0);
    if (id == 0) {
        if (state.presenting.document == 0)
            return unchangedDecision();
        return singleEvent(QStringLiteral("document.presented"), {{kDocument, QJsonValue()}});
    }
    auto document = findDocument(state, id);
    if (!document)
        return document.error();
    const qint64 page = command.has(kPage) ? command.integer(kPage) : 1;
    if (page > (*document)->pages)
        return makeError(ErrorCode::BadField,
            QStringLiteral("the document has %1 pages").arg((*document)->pages), kPage);
    if (state.presenting.document == id && state.presenting.page == page)
        return unchangedDecision();
    return singleEvent(QStringLiteral("document.presented"), {{kDocument, id}, {kPage, page}});
}

constexpr std::array kDocumentRoutes {
    CommandRoute {"document.remove", remove},
    CommandRoute {"document.present", present},
};

} // namespace

std::span<const CommandRoute> documentRoutes()
{
    return kDocumentRoutes;
}

} // namespace chamber::core

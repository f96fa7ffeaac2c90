#include "core/meeting.h"

#include <QJsonArray>

namespace chamber::core {

QString meetingStatusName(MeetingStatus status)
{
    switch (status) {
    case MeetingStatus::Scheduled:
        return QStringLiteral("scheduled");
    case MeetingStatus::InSession:
        return QStringLiteral("in_session");
    case MeetingStatus::Ended:
        return QStringLiteral("ended");
    }
    return {};
}

QJsonObject DeviceInfo::toJson() const
{
    QJsonObject json {
        {QStringLiteral("id"), id},
        {QStringLiteral("role"), role},
        {QStringLiteral("delegate"), delegate ? QJsonValue(delegate) : QJsonValue()},
        {QStringLiteral("label"), label},
        {QStringLiteral("name"), name},
        {QStringLiteral("platform"), platform},
        {QStringLiteral("enrolledAt"), enrolledAt},
        {QStringLiteral("revoked"), revoked},
    };
    if (revoked)
        json.insert(QStringLiteral("revokedAt"), revokedAt);
    return json;
}

const Poll *MeetingState::openPoll() const
{
    for (const auto &[id, poll] : polls) {
        if (poll.state == PollState::Open)
            return &poll;
    }
    return nullptr;
}

const Conclusion *MeetingState::conclusion(qint64 number) const
{
    const auto it = conclusions.find(number);
    return it == conclusions.end() ? nullptr : &it->second;
}

QuorumState MeetingState::quorum() const
{
    if (quorumRule.basis == QuorumBasis::Weight)
        return evaluateQuorum(quorumRule, roster.presentMemberWeight(), roster.memberWeight());
    return evaluateQuorum(quorumRule, roster.presentMemberCount(), roster.memberCount());
}

QJsonObject MeetingState::summaryJson() const
{
    return QJsonObject {
        {QStringLiteral("id"), id},
        {QStringLiteral("title"), title},
        {QStringLiteral("venue"), venue},
        {QStringLiteral("startsAt"), startsAt},
        {QStringLiteral("status"), meetingStatusName(status)},
        {QStringLiteral("delegates"), roster.size()},
        {QStringLiteral("present"), roster.presentCount()},
        {QStringLiteral("items"), agenda.size()},
        {QStringLiteral("seq"), seq},
    };
}

QJsonObject MeetingState::toJson() const
{
    QJsonObject quorumJson = quorum().toJson();
    quorumJson.insert(QStringLiteral("rule"), quorumRule.toJson());
    quorumJson.insert(QStringLiteral("ruleText"), quorumRule.describe());
    QJsonArray pollList;
    for (const auto &[pollId, poll] : polls)
        pollList.append(poll.toJson());
    QJsonArray proxyList;
    for (const auto &[giver, holder] : proxies)
        proxyList.append(
            QJsonObject {{QStringLiteral("delegate"), giver}, {QStringLiteral("holder"), holder}});
    QJsonArray deviceList;
    for (const auto &[deviceId, device] : devices)
        deviceList.append(device.toJson());
    QJsonArray documentList;
    for (const auto &[documentId, document] : documents.all())
        documentList.append(document.toJson());
    QJsonArray conclusionList;
    for (const auto &[number, conclusion] : conclusions)
        conclusionList.append(conclusion.toJson());
    QJsonArray recordingList; // by id: the map's order
    for (const auto &[recordingId, recording] : recordings)
        recordingList.append(recording.toJson());
    return QJsonObject {
        {QStringLiteral("organisation"), organisation},
        {QStringLiteral("session"), session},
        {QStringLiteral("chairperson"), chairperson},
        {QStringLiteral("secretary"), secretary},
        {QStringLiteral("recordings"), recordingList},
        {QStringLiteral("council"), council ? QJsonValue(council) : QJsonValue()},
        {QStringLiteral("conclusions"), conclusionList},
        {QStringLiteral("screen"), screenView},
        {QStringLiteral("id"), id},
        {QStringLiteral("seq"), seq},
        {QStringLiteral("head"), QString::fromLatin1(lastHash.toHex())},
        {QStringLiteral("devices"), deviceList},
        {QStringLiteral("title"), title},
        {QStringLiteral("description"), description},
        {QStringLiteral("venue"), venue},
        {QStringLiteral("startsAt"), startsAt},
        {QStringLiteral("createdAt"), createdAt},
        {QStringLiteral("status"), meetingStatusName(status)},
        {QStringLiteral("startedAt"), startedAt},
        {QStringLiteral("endedAt"), endedAt},
        {QStringLiteral("currentItem"), currentItem ? QJsonValue(currentItem) : QJsonValue()},
        {QStringLiteral("agenda"), agenda.toJson()},
        {QStringLiteral("delegates"), roster.toJson()},
        {QStringLiteral("quorum"), quorumJson},
        {QStringLiteral("polls"), pollList},
        {QStringLiteral("lastIds"),
            QJsonObject {{QStringLiteral("item"), agenda.lastId()},
                {QStringLiteral("delegate"), roster.lastId()}}},
        {QStringLiteral("speakers"), speakers.toJson()},
        {QStringLiteral("allowProxies"), allowProxies},
        {QStringLiteral("hallRows"), hallRows},
        {QStringLiteral("hallColumns"), hallColumns},
        {QStringLiteral("proxies"), proxyList},
        {QStringLiteral("documents"), documentList},
        {QStringLiteral("presenting"), presenting.toJson()},
    };
}

namespace {

QString string(const QJsonObject &json, const char *field)
{
    return json.value(QLatin1String(field)).toString();
}

qint64 integer(const QJsonObject &json, const char *field)
{
    return json.value(QLatin1String(field)).toInteger();
}

Error unreadable(const QString &what)
{
    return makeError(ErrorCode::Invalid, QStringLiteral("snapshot: ") + what);
}

} // namespace

Result<MeetingState> MeetingState::fromJson(const QJsonObject &json)
{
    MeetingState state;
    state.id = integer(json, "id");
    state.seq = integer(json, "seq");
    state.lastHash = QByteArray::fromHex(string(json, "head").toLatin1());
    if (state.id <= 0 || state.seq < 0 || (state.seq > 0 && state.lastHash.size() != 32))
        return unreadable(QStringLiteral("id, seq or head missing"));
    state.title = string(json, "title");
    state.description = string(json, "description");
    state.venue = string(json, "venue");
    state.startsAt = string(json, "startsAt");
    state.createdAt = string(json, "createdAt");
    state.organisation = string(json, "organisation");
    state.session = string(json, "session");
    state.chairperson = string(json, "chairperson");
    state.secretary = string(json, "secretary");
    state.startedAt = string(json, "startedAt");
    state.endedAt = string(json, "endedAt");
    const QString status = string(json, "status");
    if (status == meetingStatusName(MeetingStatus::InSession))
        state.status = MeetingStatus::InSession;
    else if (status == meetingStatusName(MeetingStatus::Ended))
        state.status = MeetingStatus::Ended;
    else if (status != meetingStatusName(MeetingStatus::Scheduled))
        return unreadable(QStringLiteral("unknown status ") + status);

    // Items come in display order, so every parent precedes its children and inserting at the
    // given position rebuilds the same tree.
    for (const QJsonValue &value : json.value(QLatin1String("agenda")).toArray()) {
        const QJsonObject object = value.toObject();
        AgendaItem item {integer(object, "id"), integer(object, "parent"), string(object, "title"),
            string(object, "description"), string(object, "kind")};
        const qint64 position = integer(object, "position");
        if (item.id <= 0 || state.agenda.contains(item.id)
            || !state.agenda.checkInsert(item.parent, position))
            return unreadable(QStringLiteral("agenda item %1 does not fit").arg(item.id));
        state.agenda.insert(item, position);
    }
    state.currentItem = integer(json, "currentItem");
    if (state.currentItem && !state.agenda.contains(state.currentItem))
        return unreadable(QStringLiteral("current item is not on the agenda"));

    for (const QJsonValue &value : json.value(QLatin1String("delegates")).toArray()) {
        const QJsonObject object = value.toObject();
        Delegate delegate {integer(object, "id"), string(object, "name"), string(object, "group"),
            string(object, "seat"), integer(object, "weight"),
            object.value(QLatin1String("present")).toBool(), string(object, "presentSince"),
            integer(object, "member"), string(object, "absenceReason")};
        if (delegate.id <= 0 || state.roster.find(delegate.id))
            return unreadable(QStringLiteral("delegate %1 is not unique").arg(delegate.id));
        state.roster.add(delegate);
    }
    for (const QJsonValue &value : json.value(QLatin1String("devices")).toArray()) {
        const QJsonObject object = value.toObject();
        DeviceInfo device {integer(object, "id"), string(object, "role"),
            integer(object, "delegate"), string(object, "label"), string(object, "name"),
            string(object, "platform"), string(object, "enrolledAt"),
            object.value(QLatin1String("revoked")).toBool(), string(object, "revokedAt")};
        if (device.id <= 0 || state.devices.count(device.id))
            return unreadable(QStringLiteral("device %1 is not unique").arg(device.id));
        state.devices[device.id] = device;
    }
    auto rule = QuorumRule::fromJson(
        json.value(QLatin1String("quorum")).toObject().value(QLatin1String("rule")).toObject());
    if (!rule)
        return unreadable(rule.error().message);
    state.quorumRule = rule.value();
    for (const QJsonValue &value : json.value(QLatin1String("polls")).toArray()) {
        auto poll = Poll::fromJson(value.toObject());
        if (!poll)
            return poll.error();
        state.polls[poll->id] = poll.value();
    }
    auto speakers = SpeakerState::fromJson(json.value(QLatin1String("speakers")).toObject());
    if (!speakers)
        return speakers.error();
    state.speakers = speakers.value();
    state.allowProxies = json.value(QLatin1String("allowProxies")).toBool();
    state.hallRows = integer(json, "hallRows");
    state.hallColumns = integer(json, "hallColumns");
    if (state.hallRows < 0 || state.hallRows > 60 || state.hallColumns < 0
        || state.hallColumns > 60)
        return unreadable(QStringLiteral("hall size outside 0..60"));
    const QJsonObject lastIds = json.value(QLatin1String("lastIds")).toObject();
    state.agenda.reserveIds(integer(lastIds, "item"));
    state.roster.reserveIds(integer(lastIds, "delegate"));
    for (const QJsonValue &value : json.value(QLatin1String("documents")).toArray()) {
        auto document = Document::fromJson(value.toObject());
        if (!document)
            return document.error();
        if (state.documents.find(document->id))
            return unreadable(QStringLiteral("a document id appears twice"));
        state.documents.insert(document.value());
    }
    state.presenting = Presentation::fromJson(json.value(QLatin1String("presenting")).toObject());
    state.council = integer(json, "council");
    for (const QJsonValue &value : json.value(QLatin1String("conclusions")).toArray()) {
        const Conclusion conclusion = Conclusion::fromJson(value.toObject());
        if (conclusion.id <= 0 || state.conclusions.count(conclusion.id))
            return unreadable(QStringLiteral("conclusion %1 is not unique").arg(conclusion.id));
        state.conclusions[conclusion.id] = conclusion;
    }
    for (const QJsonValue &value : json.value(QLatin1String("recordings")).toArray()) {
        auto recording = Recording::fromJson(value.toObject());
        if (!recording)
            return unreadable(recording.error().message);
        if (state.recordings.count(recording->id))
            return unreadable(QStringLiteral("recording %1 is not unique").arg(recording->id));
        state.recordings[recording->id] = recording.value();
    }
    if (json.contains(QLatin1String("screen")))
        state.screenView = string(json, "screen");
    for (const QJsonValue &value : json.value(QLatin1String("proxies")).toArray()) {
        const QJsonObject proxy = value.toObject();
        state.proxies[integer(proxy, "delegate")] = integer(proxy, "holder");
    }
    return state;
}

} // namespace chamber::core

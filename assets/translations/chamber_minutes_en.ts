<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>Minutes</name>
    <message>
        <source>PROCEEDINGS</source>
        <translation>PROCEEDINGS</translation>
    </message>
    <message>
        <source>No agenda items.</source>
        <translation>No agenda items.</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Minutes</translation>
    </message>
    <message>
        <source>Made from the event log up to event %1, hash %2</source>
        <translation>Made from the event log up to event %1, hash %2</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>Page %1 of %2</translation>
    </message>
    <message>
        <source>(not recorded)</source>
        <translation>(not recorded)</translation>
    </message>
    <message>
        <source>(organisation not set)</source>
        <translation>(organisation not set)</translation>
    </message>
    <message>
        <source>SOCIALIST REPUBLIC OF VIETNAM</source>
        <translation>SOCIALIST REPUBLIC OF VIETNAM</translation>
    </message>
    <message>
        <source>Independence - Freedom - Happiness</source>
        <translation>Independence - Freedom - Happiness</translation>
    </message>
    <message>
        <source>MINUTES</source>
        <translation>MINUTES</translation>
    </message>
    <message>
        <source>DRAFT: the meeting had not ended when these minutes were made</source>
        <translation>DRAFT: the meeting had not ended when these minutes were made</translation>
    </message>
    <message>
        <source>TIME, PLACE AND PARTICIPANTS</source>
        <translation>TIME, PLACE AND PARTICIPANTS</translation>
    </message>
    <message>
        <source>planned for %1; the meeting has not started</source>
        <translation>planned for %1; the meeting has not started</translation>
    </message>
    <message>
        <source>began at %1</source>
        <translation>began at %1</translation>
    </message>
    <message>
        <source>; not yet ended</source>
        <translation>; not yet ended</translation>
    </message>
    <message>
        <source>; ended at %1</source>
        <translation>; ended at %1</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>(Vietnam time, UTC+7)</source>
        <translation>(Vietnam time, UTC+7)</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>Chairperson</source>
        <translation>Chairperson</translation>
    </message>
    <message>
        <source>Secretary</source>
        <translation>Secretary</translation>
    </message>
    <message>
        <source>Delegates</source>
        <translation>Delegates</translation>
    </message>
    <message>
        <source>%1 in all; %2 attended, %3 absent</source>
        <translation>%1 in all; %2 attended, %3 absent</translation>
    </message>
    <message>
        <source>Quorum</source>
        <translation>Quorum</translation>
    </message>
    <message>
        <source>met: %1 members present of %2</source>
        <translation>met: %1 members present of %2</translation>
    </message>
    <message>
        <source>not met: %1 members present of %2</source>
        <translation>not met: %1 members present of %2</translation>
    </message>
    <message>
        <source>ATTENDANCE</source>
        <translation>ATTENDANCE</translation>
    </message>
    <message>
        <source>No delegates.</source>
        <translation>No delegates.</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Seat</source>
        <translation>Seat</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Group</translation>
    </message>
    <message>
        <source>Present (arrived - left)</source>
        <translation>Present (arrived - left)</translation>
    </message>
    <message>
        <source>(takes part, does not vote)</source>
        <translation>(takes part, does not vote)</translation>
    </message>
    <message>
        <source>Absent delegates</source>
        <translation>Absent delegates</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>no reason given</translation>
    </message>
    <message>
        <source>None: every delegate attended.</source>
        <translation>None: every delegate attended.</translation>
    </message>
    <message>
        <source>BRIDGE POINTS</source>
        <translation>BRIDGE POINTS</translation>
    </message>
    <message>
        <source>No bridge point took part.</source>
        <translation>No bridge point took part.</translation>
    </message>
    <message>
        <source>Bridge point</source>
        <translation>Bridge point</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Connected</translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation>Disconnected</translation>
    </message>
    <message>
        <source>Speeches</source>
        <translation>Speeches</translation>
    </message>
    <message>
        <source>Speaking time</source>
        <translation>Speaking time</translation>
    </message>
    <message>
        <source>still connected</source>
        <translation>still connected</translation>
    </message>
    <message>
        <source>CLOSING</source>
        <translation>CLOSING</translation>
    </message>
    <message>
        <source>The meeting had not ended when these minutes were made.</source>
        <translation>The meeting had not ended when these minutes were made.</translation>
    </message>
    <message>
        <source>The meeting ended at %1.</source>
        <translation>The meeting ended at %1.</translation>
    </message>
    <message>
        <source>These minutes were made by Chamber from the meeting&apos;s event log up to event %1 (%2) and are signed electronically by the server; the hash of that event is %3.</source>
        <translation>These minutes were made by Chamber from the meeting&apos;s event log up to event %1 (%2) and are signed electronically by the server; the hash of that event is %3.</translation>
    </message>
    <message>
        <source>SECRETARY</source>
        <translation>SECRETARY</translation>
    </message>
    <message>
        <source>CHAIRPERSON</source>
        <translation>CHAIRPERSON</translation>
    </message>
    <message>
        <source>(signature and full name)</source>
        <translation>(signature and full name)</translation>
    </message>
    <message>
        <source>Outside the agenda</source>
        <translation>Outside the agenda</translation>
    </message>
    <message>
        <source>Break: %1</source>
        <translation>Break: %1</translation>
    </message>
    <message>
        <source>Nothing was recorded under this item.</source>
        <translation>Nothing was recorded under this item.</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Pages</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>Speaker</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Length</translation>
    </message>
    <message>
        <source>still speaking</source>
        <translation>still speaking</translation>
    </message>
    <message>
        <source>partial</source>
        <translation>partial</translation>
    </message>
    <message>
        <source>Not recorded: %1</source>
        <translation>Not recorded: %1</translation>
    </message>
    <message>
        <source>no recording</source>
        <translation>no recording</translation>
    </message>
    <message>
        <source>Poll: %1</source>
        <translation>Poll: %1</translation>
    </message>
    <message>
        <source>Method: %1</source>
        <translation>Method: %1</translation>
    </message>
    <message>
        <source>secret ballot (receipts below)</source>
        <translation>secret ballot (receipts below)</translation>
    </message>
    <message>
        <source>named vote (roll call below)</source>
        <translation>named vote (roll call below)</translation>
    </message>
    <message>
        <source>Rule: %1</source>
        <translation>Rule: %1</translation>
    </message>
    <message>
        <source>Opened at %1</source>
        <translation>Opened at %1</translation>
    </message>
    <message>
        <source>closed at %1</source>
        <translation>closed at %1</translation>
    </message>
    <message>
        <source>The poll was not opened.</source>
        <translation>The poll was not opened.</translation>
    </message>
    <message>
        <source>The poll was still open: no result.</source>
        <translation>The poll was still open: no result.</translation>
    </message>
    <message>
        <source>Ballots: %1; members: %2, present when the poll closed: %3</source>
        <translation>Ballots: %1; members: %2, present when the poll closed: %3</translation>
    </message>
    <message>
        <source>Choice</source>
        <translation>Choice</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Count</translation>
    </message>
    <message>
        <source>Outcome: %1</source>
        <translation>Outcome: %1</translation>
    </message>
    <message>
        <source>Roll call</source>
        <translation>Roll call</translation>
    </message>
    <message>
        <source>Nobody voted.</source>
        <translation>Nobody voted.</translation>
    </message>
    <message>
        <source>Vote</source>
        <translation>Vote</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>Weight</translation>
    </message>
    <message>
        <source>Cast by proxy</source>
        <translation>Cast by proxy</translation>
    </message>
    <message>
        <source>Ballot receipts (each voter can find their own; how anyone voted is not recorded)</source>
        <translation>Ballot receipts (each voter can find their own; how anyone voted is not recorded)</translation>
    </message>
    <message>
        <source>Conclusions</source>
        <translation>Conclusions</translation>
    </message>
    <message>
        <source>(decided by the poll &quot;%1&quot;)</source>
        <translation>(decided by the poll &quot;%1&quot;)</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <comment>time on date</comment>
        <translation>%1 on %2</translation>
    </message>
    <message>
        <source>Date: %1/%2/%3</source>
        <comment>day, month, year</comment>
        <translation>Date: %1/%2/%3</translation>
    </message>
    <message>
        <source>one half</source>
        <translation>one half</translation>
    </message>
    <message>
        <source>two thirds</source>
        <translation>two thirds</translation>
    </message>
    <message>
        <source>three quarters</source>
        <translation>three quarters</translation>
    </message>
    <message>
        <source>all</source>
        <translation>all</translation>
    </message>
    <message>
        <source>of all members</source>
        <translation>of all members</translation>
    </message>
    <message>
        <source>of the members present</source>
        <translation>of the members present</translation>
    </message>
    <message>
        <source>of the votes cast, abstentions included</source>
        <translation>of the votes cast, abstentions included</translation>
    </message>
    <message>
        <source>of the votes cast, abstentions not counted</source>
        <translation>of the votes cast, abstentions not counted</translation>
    </message>
    <message>
        <source>at least %1 %2</source>
        <translation>at least %1 %2</translation>
    </message>
    <message>
        <source>more than %1 %2</source>
        <translation>more than %1 %2</translation>
    </message>
    <message>
        <source>counted by voting weight</source>
        <translation>counted by voting weight</translation>
    </message>
    <message>
        <source>counted by heads</source>
        <translation>counted by heads</translation>
    </message>
    <message>
        <source>by voting weight</source>
        <translation>by voting weight</translation>
    </message>
    <message>
        <source>by heads</source>
        <translation>by heads</translation>
    </message>
    <message>
        <source>Abstain</source>
        <translation>Abstain</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>PASSED</source>
        <translation>PASSED</translation>
    </message>
    <message>
        <source>NOT PASSED</source>
        <translation>NOT PASSED</translation>
    </message>
    <message>
        <source>TIE: not passed</source>
        <translation>TIE: not passed</translation>
    </message>
    <message>
        <source>NO QUORUM: nothing was decided</source>
        <translation>NO QUORUM: nothing was decided</translation>
    </message>
    <message>
        <source>ELECTED: %1</source>
        <translation>ELECTED: %1</translation>
    </message>
    <message>
        <source>NO ONE ELECTED</source>
        <translation>NO ONE ELECTED</translation>
    </message>
    <message>
        <source>%1 counted against a base of %2; the rule needs %3</source>
        <translation>%1 counted against a base of %2; the rule needs %3</translation>
    </message>
    <message>
        <source>(bridge point)</source>
        <translation>(bridge point)</translation>
    </message>
    <message>
        <source>seat %1</source>
        <translation>seat %1</translation>
    </message>
    <message>
        <source>Absent</source>
        <translation>Absent</translation>
    </message>
    <message>
        <source>end</source>
        <translation>end</translation>
    </message>
    <message>
        <source>Recording %1: %2</source>
        <translation>Recording %1: %2</translation>
    </message>
    <message>
        <source>quorum: at least %1 of the members must be present (counted %2)</source>
        <translation>quorum: at least %1 of the members must be present (counted %2)</translation>
    </message>
    <message>
        <source>quorum: more than %1 of the members must be present (counted %2)</source>
        <translation>quorum: more than %1 of the members must be present (counted %2)</translation>
    </message>
</context>
</TS>

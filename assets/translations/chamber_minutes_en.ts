<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>Minutes</name>
    <message>
        <location filename="../../server/minutespdf/minutesdocument.cpp" line="73"/>
        <source>PROCEEDINGS</source>
        <translation>PROCEEDINGS</translation>
    </message>
    <message>
        <location filename="../../server/minutespdf/minutesdocument.cpp" line="75"/>
        <source>No agenda items.</source>
        <translation>No agenda items.</translation>
    </message>
    <message>
        <location filename="../../server/minutespdf/minutesdocument.cpp" line="84"/>
        <source>Minutes</source>
        <translation>Minutes</translation>
    </message>
    <message>
        <location filename="../../server/minutespdf/minutesdocument.cpp" line="89"/>
        <source>Made from the event log up to event %1, hash %2</source>
        <translation>Made from the event log up to event %1, hash %2</translation>
    </message>
    <message>
        <location filename="../../server/minutespdf/minutesdocument.cpp" line="92"/>
        <source>Page %1 of %2</source>
        <translation>Page %1 of %2</translation>
    </message>
    <message>
        <location filename="../../server/minutespdf/minutesdocument.cpp" line="132"/>
        <location filename="../../server/minutespdf/minuteswords.cpp" line="38"/>
        <source>(not recorded)</source>
        <translation>(not recorded)</translation>
    </message>
    <message>
        <location filename="../../server/minutespdf/minutesdocument.cpp" line="215"/>
        <source>(organisation not set)</source>
        <translation>(organisation not set)</translation>
    </message>
    <message>
        <location filename="../../server/minutespdf/minutesdocument.cpp" line="223"/>
        <source>SOCIALIST REPUBLIC OF VIETNAM</source>
        <translation>SOCIALIST REPUBLIC OF VIETNAM</translation>
    </message>
    <message>
        <location filename="../../server/minutespdf/minutesdocument.cpp" line="227"/>
        <source>Independence - Freedom - Happiness</source>
        <translation>Independence - Freedom - Happiness</translation>
    </message>
    <message>
        <location filename="../../server/minutespdf/minutesdocument.cpp" line="238"/>
        <source>MINUTES</source>
        <translation>MINUTES</translation>
    </message>
    <message>
        <location filename="../../server/minutespdf/minutesdocument.cpp" line="249"/>
        <source>DRAFT: the meeting had not ended when these minutes were made</source>
        <translation>DRAFT: the meeting had not ended when these minutes were made</translation>
    </message>
    <message>
        <location filename="../../server/minutespdf/minutesdocument.cpp" line="255"/>
        <source>TIME, PLACE AND PARTICIPANTS</source>
        <translation>TIME, PLACE AND PARTICIPANTS</translation>
    </message>
    <message>
        <location filename="../../server/minutespdf/minutesdocument.cpp" line="258"/>
        <source>planned for %1; the meeting has not started</source>
        <translation>planned for %1; the meeting has not started</translation>
    </message>
    <message>
        <location filename="../../server/minutespdf/minutesdocument.cpp" line="260"/>
        <source>began at %1</source>
        <translation>began at %1</translation>
    </message>
    <message>
        <location filename="../../server/minutespdf/minutesdocument.cpp" line="261"/>
        <source>; not yet ended</source>
        <translation>; not yet ended</translation>
    </message>
    <message>
        <location filename="../../server/minutespdf/minutesdocument.cpp" line="262"/>
        <source>; ended at %1</source>
        <translation>; ended at %1</translation>
    </message>
    <message>
        <location filename="../../server/minutespdf/minutesdocument.cpp" line="264"/>
        <location filename="../../server/minutespdf/minutesitems.cpp" line="58"/>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../server/minutespdf/minutesdocument.cpp" line="264"/>
        <source>(Vietnam time, UTC+7)</source>
        <translation>(Vietnam time, UTC+7)</translation>
    </message>
    <message>
        <location filename="../../server/minutespdf/minutesdocument.cpp" line="265"/>
        <source>Place</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../../server/minutespdf/minutesdocument.cpp" line="266"/>
        <source>Chairperson</source>
        <translation>Chairperson</translation>
    </message>
    <message>
        <location filename="../../server/minutespdf/minutesdocument.cpp" line="267"/>
        <source>Secretary</source>
        <translation>Secretary</translation>
    </message>
    <message>
        <location filename="../../server/minutespdf/minutesdocument.cpp" line="271"/>
        <source>Delegates</source>
        <translation>Delegates</translation>
    </message>
    <message>
        <location filename="../../server/minutespdf/minutesdocument.cpp" line="272"/>
        <source>%1 in all; %2 attended, %3 absent</source>
        <translation>%1 in all; %2 attended, %3 absent</translation>
    </message>
    <message>
        <location filename="../../server/minutespdf/minutesdocument.cpp" line="275"/>
        <source>Quorum</source>
        <translation>Quorum</translation>
    </message>
    <message>
        <location filename="../../server/minutespdf/minutesdocument.cpp" line="276"/>
        <source>met: %1 members present of %2</source>
        <translation>met: %1 members present of %2</translation>
    </message>
    <message>
        <location filename="../../server/minutespdf/minutesdocument.cpp" line="277"/>
        <source>not met: %1 members present of %2</source>
        <translation>not met: %1 members present of %2</translation>
    </message>
    <message>
        <location filename="../../server/minutespdf/minutesdocument.cpp" line="284"/>
        <source>ATTENDANCE</source>
        <translation>ATTENDANCE</translation>
    </message>
    <message>
        <location filename="../../server/minutespdf/minutesdocument.cpp" line="286"/>
        <source>No delegates.</source>
        <translation>No delegates.</translation>
    </message>
    <message>
        <location filename="../../server/minutespdf/minutesdocument.cpp" line="289"/>
        <location filename="../../server/minutespdf/minutesdocument.cpp" line="309"/>
        <location filename="../../server/minutespdf/minutesdocument.cpp" line="328"/>
        <location filename="../../server/minutespdf/minutesitems.cpp" line="42"/>
        <location filename="../../server/minutespdf/minutesitems.cpp" line="58"/>
        <location filename="../../server/minutespdf/minutesitems.cpp" line="138"/>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../server/minutespdf/minutesdocument.cpp" line="289"/>
        <location filename="../../server/minutespdf/minutesdocument.cpp" line="309"/>
        <location filename="../../server/minutespdf/minutesitems.cpp" line="138"/>
        <source>Seat</source>
        <translation>Seat</translation>
    </message>
    <message>
        <location filename="../../server/minutespdf/minutesdocument.cpp" line="289"/>
        <location filename="../../server/minutespdf/minutesdocument.cpp" line="309"/>
        <location filename="../../server/minutespdf/minutesitems.cpp" line="138"/>
        <source>Full name</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../../server/minutespdf/minutesdocument.cpp" line="289"/>
        <source>Group</source>
        <translation>Group</translation>
    </message>
    <message>
        <location filename="../../server/minutespdf/minutesdocument.cpp" line="290"/>
        <source>Present (arrived - left)</source>
        <translation>Present (arrived - left)</translation>
    </message>
    <message>
        <location filename="../../server/minutespdf/minutesdocument.cpp" line="296"/>
        <source>(takes part, does not vote)</source>
        <translation>(takes part, does not vote)</translation>
    </message>
    <message>
        <location filename="../../server/minutespdf/minutesdocument.cpp" line="302"/>
        <source>Absent delegates</source>
        <translation>Absent delegates</translation>
    </message>
    <message>
        <location filename="../../server/minutespdf/minutesdocument.cpp" line="309"/>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../server/minutespdf/minutesdocument.cpp" line="312"/>
        <source>no reason given</source>
        <translation>no reason given</translation>
    </message>
    <message>
        <location filename="../../server/minutespdf/minutesdocument.cpp" line="317"/>
        <source>None: every delegate attended.</source>
        <translation>None: every delegate attended.</translation>
    </message>
    <message>
        <location filename="../../server/minutespdf/minutesdocument.cpp" line="322"/>
        <source>BRIDGE POINTS</source>
        <translation>BRIDGE POINTS</translation>
    </message>
    <message>
        <location filename="../../server/minutespdf/minutesdocument.cpp" line="324"/>
        <source>No bridge point took part.</source>
        <translation>No bridge point took part.</translation>
    </message>
    <message>
        <location filename="../../server/minutespdf/minutesdocument.cpp" line="328"/>
        <source>Bridge point</source>
        <translation>Bridge point</translation>
    </message>
    <message>
        <location filename="../../server/minutespdf/minutesdocument.cpp" line="328"/>
        <source>Connected</source>
        <translation>Connected</translation>
    </message>
    <message>
        <location filename="../../server/minutespdf/minutesdocument.cpp" line="328"/>
        <source>Disconnected</source>
        <translation>Disconnected</translation>
    </message>
    <message>
        <location filename="../../server/minutespdf/minutesdocument.cpp" line="328"/>
        <location filename="../../server/minutespdf/minutesitems.cpp" line="56"/>
        <source>Speeches</source>
        <translation>Speeches</translation>
    </message>
    <message>
        <location filename="../../server/minutespdf/minutesdocument.cpp" line="329"/>
        <source>Speaking time</source>
        <translation>Speaking time</translation>
    </message>
    <message>
        <location filename="../../server/minutespdf/minutesdocument.cpp" line="335"/>
        <source>still connected</source>
        <translation>still connected</translation>
    </message>
    <message>
        <location filename="../../server/minutespdf/minutesdocument.cpp" line="343"/>
        <source>CLOSING</source>
        <translation>CLOSING</translation>
    </message>
    <message>
        <location filename="../../server/minutespdf/minutesdocument.cpp" line="345"/>
        <source>The meeting had not ended when these minutes were made.</source>
        <translation>The meeting had not ended when these minutes were made.</translation>
    </message>
    <message>
        <location filename="../../server/minutespdf/minutesdocument.cpp" line="347"/>
        <source>The meeting ended at %1.</source>
        <translation>The meeting ended at %1.</translation>
    </message>
    <message>
        <location filename="../../server/minutespdf/minutesdocument.cpp" line="348"/>
        <source>These minutes were made by Chamber from the meeting&apos;s event log up to event %1 (%2) and are signed electronically by the server; the hash of that event is %3.</source>
        <translation>These minutes were made by Chamber from the meeting&apos;s event log up to event %1 (%2) and are signed electronically by the server; the hash of that event is %3.</translation>
    </message>
    <message>
        <location filename="../../server/minutespdf/minutesdocument.cpp" line="367"/>
        <source>SECRETARY</source>
        <translation>SECRETARY</translation>
    </message>
    <message>
        <location filename="../../server/minutespdf/minutesdocument.cpp" line="367"/>
        <source>CHAIRPERSON</source>
        <translation>CHAIRPERSON</translation>
    </message>
    <message>
        <location filename="../../server/minutespdf/minutesdocument.cpp" line="377"/>
        <source>(signature and full name)</source>
        <translation>(signature and full name)</translation>
    </message>
    <message>
        <location filename="../../server/minutespdf/minutesitems.cpp" line="15"/>
        <source>Outside the agenda</source>
        <translation>Outside the agenda</translation>
    </message>
    <message>
        <location filename="../../server/minutespdf/minutesitems.cpp" line="17"/>
        <source>Break: %1</source>
        <translation>Break: %1</translation>
    </message>
    <message>
        <location filename="../../server/minutespdf/minutesitems.cpp" line="35"/>
        <source>Nothing was recorded under this item.</source>
        <translation>Nothing was recorded under this item.</translation>
    </message>
    <message>
        <location filename="../../server/minutespdf/minutesitems.cpp" line="40"/>
        <source>Documents</source>
        <translation>Documents</translation>
    </message>
    <message>
        <location filename="../../server/minutespdf/minutesitems.cpp" line="42"/>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../server/minutespdf/minutesitems.cpp" line="42"/>
        <source>Pages</source>
        <translation>Pages</translation>
    </message>
    <message>
        <location filename="../../server/minutespdf/minutesitems.cpp" line="42"/>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <location filename="../../server/minutespdf/minutesitems.cpp" line="58"/>
        <source>Speaker</source>
        <translation>Speaker</translation>
    </message>
    <message>
        <location filename="../../server/minutespdf/minutesitems.cpp" line="58"/>
        <source>Length</source>
        <translation>Length</translation>
    </message>
    <message>
        <location filename="../../server/minutespdf/minutesitems.cpp" line="58"/>
        <source>Recording (SHA-256, length)</source>
        <translation>Recording (SHA-256, length)</translation>
    </message>
    <message>
        <location filename="../../server/minutespdf/minutesitems.cpp" line="63"/>
        <source>still speaking</source>
        <translation>still speaking</translation>
    </message>
    <message>
        <location filename="../../server/minutespdf/minutesitems.cpp" line="81"/>
        <source>partial</source>
        <translation>partial</translation>
    </message>
    <message>
        <location filename="../../server/minutespdf/minutesitems.cpp" line="86"/>
        <source>Not recorded: %1</source>
        <translation>Not recorded: %1</translation>
    </message>
    <message>
        <location filename="../../server/minutespdf/minutesitems.cpp" line="88"/>
        <source>no recording</source>
        <translation>no recording</translation>
    </message>
    <message>
        <location filename="../../server/minutespdf/minutesitems.cpp" line="95"/>
        <source>Poll: %1</source>
        <translation>Poll: %1</translation>
    </message>
    <message>
        <location filename="../../server/minutespdf/minutesitems.cpp" line="97"/>
        <source>Method: %1</source>
        <translation>Method: %1</translation>
    </message>
    <message>
        <location filename="../../server/minutespdf/minutesitems.cpp" line="97"/>
        <source>secret ballot (receipts below)</source>
        <translation>secret ballot (receipts below)</translation>
    </message>
    <message>
        <location filename="../../server/minutespdf/minutesitems.cpp" line="98"/>
        <source>named vote (roll call below)</source>
        <translation>named vote (roll call below)</translation>
    </message>
    <message>
        <location filename="../../server/minutespdf/minutesitems.cpp" line="100"/>
        <source>Rule: %1</source>
        <translation>Rule: %1</translation>
    </message>
    <message>
        <location filename="../../server/minutespdf/minutesitems.cpp" line="102"/>
        <source>Opened at %1</source>
        <translation>Opened at %1</translation>
    </message>
    <message>
        <location filename="../../server/minutespdf/minutesitems.cpp" line="105"/>
        <source>closed at %1</source>
        <translation>closed at %1</translation>
    </message>
    <message>
        <location filename="../../server/minutespdf/minutesitems.cpp" line="108"/>
        <source>The poll was not opened.</source>
        <translation>The poll was not opened.</translation>
    </message>
    <message>
        <location filename="../../server/minutespdf/minutesitems.cpp" line="109"/>
        <source>The poll was still open: no result.</source>
        <translation>The poll was still open: no result.</translation>
    </message>
    <message>
        <location filename="../../server/minutespdf/minutesitems.cpp" line="114"/>
        <source>Ballots: %1; members: %2, present when the poll closed: %3</source>
        <translation>Ballots: %1; members: %2, present when the poll closed: %3</translation>
    </message>
    <message>
        <location filename="../../server/minutespdf/minutesitems.cpp" line="119"/>
        <source>Choice</source>
        <translation>Choice</translation>
    </message>
    <message>
        <location filename="../../server/minutespdf/minutesitems.cpp" line="119"/>
        <source>Count</source>
        <translation>Count</translation>
    </message>
    <message>
        <location filename="../../server/minutespdf/minutesitems.cpp" line="123"/>
        <source>Outcome: %1</source>
        <translation>Outcome: %1</translation>
    </message>
    <message>
        <location filename="../../server/minutespdf/minutesitems.cpp" line="132"/>
        <source>Roll call</source>
        <translation>Roll call</translation>
    </message>
    <message>
        <location filename="../../server/minutespdf/minutesitems.cpp" line="134"/>
        <location filename="../../server/minutespdf/minutesitems.cpp" line="156"/>
        <source>Nobody voted.</source>
        <translation>Nobody voted.</translation>
    </message>
    <message>
        <location filename="../../server/minutespdf/minutesitems.cpp" line="138"/>
        <source>Vote</source>
        <translation>Vote</translation>
    </message>
    <message>
        <location filename="../../server/minutespdf/minutesitems.cpp" line="138"/>
        <source>Weight</source>
        <translation>Weight</translation>
    </message>
    <message>
        <location filename="../../server/minutespdf/minutesitems.cpp" line="138"/>
        <source>Cast by proxy</source>
        <translation>Cast by proxy</translation>
    </message>
    <message>
        <location filename="../../server/minutespdf/minutesitems.cpp" line="152"/>
        <source>Ballot receipts (each voter can find their own; how anyone voted is not recorded)</source>
        <translation>Ballot receipts (each voter can find their own; how anyone voted is not recorded)</translation>
    </message>
    <message>
        <location filename="../../server/minutespdf/minutesitems.cpp" line="177"/>
        <source>Conclusions</source>
        <translation>Conclusions</translation>
    </message>
    <message>
        <location filename="../../server/minutespdf/minutesitems.cpp" line="183"/>
        <source>(decided by the poll &quot;%1&quot;)</source>
        <translation>(decided by the poll &quot;%1&quot;)</translation>
    </message>
    <message>
        <location filename="../../server/minutespdf/minuteswords.cpp" line="39"/>
        <source>%1 on %2</source>
        <comment>time on date</comment>
        <translation>%1 on %2</translation>
    </message>
    <message>
        <location filename="../../server/minutespdf/minuteswords.cpp" line="48"/>
        <source>Date: %1/%2/%3</source>
        <comment>day, month, year</comment>
        <translation>Date: %1/%2/%3</translation>
    </message>
    <message>
        <location filename="../../server/minutespdf/minuteswords.cpp" line="67"/>
        <source>one half</source>
        <translation>one half</translation>
    </message>
    <message>
        <location filename="../../server/minutespdf/minuteswords.cpp" line="69"/>
        <source>two thirds</source>
        <translation>two thirds</translation>
    </message>
    <message>
        <location filename="../../server/minutespdf/minuteswords.cpp" line="71"/>
        <source>three quarters</source>
        <translation>three quarters</translation>
    </message>
    <message>
        <location filename="../../server/minutespdf/minuteswords.cpp" line="73"/>
        <source>all</source>
        <translation>all</translation>
    </message>
    <message>
        <location filename="../../server/minutespdf/minuteswords.cpp" line="83"/>
        <source>of all members</source>
        <translation>of all members</translation>
    </message>
    <message>
        <location filename="../../server/minutespdf/minuteswords.cpp" line="86"/>
        <source>of the members present</source>
        <translation>of the members present</translation>
    </message>
    <message>
        <location filename="../../server/minutespdf/minuteswords.cpp" line="89"/>
        <source>of the votes cast, abstentions included</source>
        <translation>of the votes cast, abstentions included</translation>
    </message>
    <message>
        <location filename="../../server/minutespdf/minuteswords.cpp" line="90"/>
        <source>of the votes cast, abstentions not counted</source>
        <translation>of the votes cast, abstentions not counted</translation>
    </message>
    <message>
        <location filename="../../server/minutespdf/minuteswords.cpp" line="93"/>
        <source>at least %1 %2</source>
        <translation>at least %1 %2</translation>
    </message>
    <message>
        <location filename="../../server/minutespdf/minuteswords.cpp" line="93"/>
        <source>more than %1 %2</source>
        <translation>more than %1 %2</translation>
    </message>
    <message>
        <location filename="../../server/minutespdf/minuteswords.cpp" line="95"/>
        <source>counted by voting weight</source>
        <translation>counted by voting weight</translation>
    </message>
    <message>
        <location filename="../../server/minutespdf/minuteswords.cpp" line="95"/>
        <source>counted by heads</source>
        <translation>counted by heads</translation>
    </message>
    <message>
        <location filename="../../server/minutespdf/minuteswords.cpp" line="99"/>
        <source>quorum: at least %1 of the members present (%2)</source>
        <translation>quorum: at least %1 of the members present (%2)</translation>
    </message>
    <message>
        <location filename="../../server/minutespdf/minuteswords.cpp" line="100"/>
        <source>quorum: more than %1 of the members present (%2)</source>
        <translation>quorum: more than %1 of the members present (%2)</translation>
    </message>
    <message>
        <location filename="../../server/minutespdf/minuteswords.cpp" line="102"/>
        <source>by voting weight</source>
        <translation>by voting weight</translation>
    </message>
    <message>
        <location filename="../../server/minutespdf/minuteswords.cpp" line="103"/>
        <source>by heads</source>
        <translation>by heads</translation>
    </message>
    <message>
        <location filename="../../server/minutespdf/minuteswords.cpp" line="111"/>
        <source>Abstain</source>
        <translation>Abstain</translation>
    </message>
    <message>
        <location filename="../../server/minutespdf/minuteswords.cpp" line="113"/>
        <source>Yes</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../server/minutespdf/minuteswords.cpp" line="115"/>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../server/minutespdf/minuteswords.cpp" line="125"/>
        <source>PASSED</source>
        <translation>PASSED</translation>
    </message>
    <message>
        <location filename="../../server/minutespdf/minuteswords.cpp" line="128"/>
        <source>NOT PASSED</source>
        <translation>NOT PASSED</translation>
    </message>
    <message>
        <location filename="../../server/minutespdf/minuteswords.cpp" line="131"/>
        <source>TIE: not passed</source>
        <translation>TIE: not passed</translation>
    </message>
    <message>
        <location filename="../../server/minutespdf/minuteswords.cpp" line="134"/>
        <source>NO QUORUM: nothing was decided</source>
        <translation>NO QUORUM: nothing was decided</translation>
    </message>
    <message>
        <location filename="../../server/minutespdf/minuteswords.cpp" line="136"/>
        <source>ELECTED: %1</source>
        <translation>ELECTED: %1</translation>
    </message>
    <message>
        <location filename="../../server/minutespdf/minuteswords.cpp" line="139"/>
        <source>NO ONE ELECTED</source>
        <translation>NO ONE ELECTED</translation>
    </message>
    <message>
        <location filename="../../server/minutespdf/minuteswords.cpp" line="143"/>
        <source>%1 counted against a base of %2; the rule needs %3</source>
        <translation>%1 counted against a base of %2; the rule needs %3</translation>
    </message>
    <message>
        <location filename="../../server/minutespdf/minuteswords.cpp" line="153"/>
        <source>(bridge point)</source>
        <translation>(bridge point)</translation>
    </message>
    <message>
        <location filename="../../server/minutespdf/minuteswords.cpp" line="155"/>
        <source>seat %1</source>
        <translation>seat %1</translation>
    </message>
    <message>
        <location filename="../../server/minutespdf/minuteswords.cpp" line="161"/>
        <source>Absent</source>
        <translation>Absent</translation>
    </message>
    <message>
        <location filename="../../server/minutespdf/minuteswords.cpp" line="165"/>
        <source>end</source>
        <translation>end</translation>
    </message>
</context>
</TS>

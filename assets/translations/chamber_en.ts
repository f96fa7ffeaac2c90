<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AgendaControl</name>
    <message>
        <location filename="../../kiosk/chair/AgendaControl.qml" line="23"/>
        <source>‹ Previous</source>
        <translation>‹ Previous</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/AgendaControl.qml" line="33"/>
        <source>Next ›</source>
        <translation>Next ›</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/AgendaControl.qml" line="42"/>
        <source>End session</source>
        <translation>End session</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/AgendaControl.qml" line="42"/>
        <source>Open session</source>
        <translation>Open session</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/AgendaControl.qml" line="48"/>
        <source>Tap an item to make it current</source>
        <translation>Tap an item to make it current</translation>
    </message>
</context>
<context>
    <name>AgendaList</name>
    <message>
        <location filename="../../kiosk/common/AgendaList.qml" line="86"/>
        <source>Now</source>
        <translation>Now</translation>
    </message>
</context>
<context>
    <name>AttendanceCard</name>
    <message>
        <location filename="../../kiosk/delegate/AttendanceCard.qml" line="26"/>
        <source>Delegate</source>
        <translation>Delegate</translation>
    </message>
    <message>
        <location filename="../../kiosk/delegate/AttendanceCard.qml" line="46"/>
        <source>Seat %1</source>
        <translation>Seat %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/delegate/AttendanceCard.qml" line="70"/>
        <source>You are marked present</source>
        <translation>You are marked present</translation>
    </message>
    <message>
        <location filename="../../kiosk/delegate/AttendanceCard.qml" line="70"/>
        <source>You are not checked in yet</source>
        <translation>You are not checked in yet</translation>
    </message>
    <message>
        <location filename="../../kiosk/delegate/AttendanceCard.qml" line="82"/>
        <source>Sending…</source>
        <translation>Sending…</translation>
    </message>
    <message>
        <location filename="../../kiosk/delegate/AttendanceCard.qml" line="83"/>
        <source>Leave the session</source>
        <translation>Leave the session</translation>
    </message>
    <message>
        <location filename="../../kiosk/delegate/AttendanceCard.qml" line="83"/>
        <source>Check in</source>
        <translation>Check in</translation>
    </message>
</context>
<context>
    <name>AttendancePanel</name>
    <message>
        <location filename="../../kiosk/chair/AttendancePanel.qml" line="17"/>
        <source>Seats · tap to change attendance</source>
        <translation>Seats · tap to change attendance</translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message>
        <location filename="../../kiosk/documents/BackupDialog.qml" line="16"/>
        <source>Back up my notes</source>
        <translation>Back up my notes</translation>
    </message>
    <message>
        <location filename="../../kiosk/documents/BackupDialog.qml" line="33"/>
        <source>Your notes are encrypted on this tablet with your passphrase before they are sent: nobody without it can read them, the meeting&apos;s administrators included. Without the passphrase they cannot be restored.</source>
        <translation>Your notes are encrypted on this tablet with your passphrase before they are sent: nobody without it can read them, the meeting&apos;s administrators included. Without the passphrase they cannot be restored.</translation>
    </message>
    <message>
        <location filename="../../kiosk/documents/BackupDialog.qml" line="40"/>
        <source>Passphrase (at least 6 characters)</source>
        <translation>Passphrase (at least 6 characters)</translation>
    </message>
    <message>
        <location filename="../../kiosk/documents/BackupDialog.qml" line="53"/>
        <source>Working…</source>
        <translation>Working…</translation>
    </message>
    <message>
        <location filename="../../kiosk/documents/BackupDialog.qml" line="54"/>
        <source>Backed up.</source>
        <translation>Backed up.</translation>
    </message>
    <message>
        <location filename="../../kiosk/documents/BackupDialog.qml" line="55"/>
        <source>Your notes were restored.</source>
        <translation>Your notes were restored.</translation>
    </message>
    <message>
        <location filename="../../kiosk/documents/BackupDialog.qml" line="62"/>
        <source>Back up</source>
        <translation>Back up</translation>
    </message>
    <message>
        <location filename="../../kiosk/documents/BackupDialog.qml" line="68"/>
        <source>Restore</source>
        <translation>Restore</translation>
    </message>
    <message>
        <location filename="../../kiosk/documents/BackupDialog.qml" line="73"/>
        <source>Close</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>BallotCard</name>
    <message>
        <location filename="../../kiosk/delegate/BallotCard.qml" line="34"/>
        <source>By proxy for %1 (seat %2)</source>
        <translation>By proxy for %1 (seat %2)</translation>
    </message>
    <message>
        <location filename="../../kiosk/delegate/BallotCard.qml" line="35"/>
        <source>Your ballot</source>
        <translation>Your ballot</translation>
    </message>
    <message>
        <location filename="../../kiosk/delegate/BallotCard.qml" line="113"/>
        <source>Sending…</source>
        <translation>Sending…</translation>
    </message>
    <message>
        <location filename="../../kiosk/delegate/BallotCard.qml" line="114"/>
        <source>Recorded</source>
        <translation>Recorded</translation>
    </message>
    <message>
        <location filename="../../kiosk/delegate/BallotCard.qml" line="115"/>
        <source>Recorded; the change was refused</source>
        <translation>Recorded; the change was refused</translation>
    </message>
    <message>
        <location filename="../../kiosk/delegate/BallotCard.qml" line="115"/>
        <source>Not recorded</source>
        <translation>Not recorded</translation>
    </message>
    <message>
        <location filename="../../kiosk/delegate/BallotCard.qml" line="117"/>
        <source>Voting has closed · the ballot was counted</source>
        <translation>Voting has closed · the ballot was counted</translation>
    </message>
    <message>
        <location filename="../../kiosk/delegate/BallotCard.qml" line="118"/>
        <source>Voting has closed</source>
        <translation>Voting has closed</translation>
    </message>
    <message>
        <location filename="../../kiosk/delegate/BallotCard.qml" line="119"/>
        <source>Voting has closed · no ballot</source>
        <translation>Voting has closed · no ballot</translation>
    </message>
    <message>
        <location filename="../../kiosk/delegate/BallotCard.qml" line="121"/>
        <source>Tap a choice to vote</source>
        <translation>Tap a choice to vote</translation>
    </message>
    <message>
        <location filename="../../kiosk/delegate/BallotCard.qml" line="131"/>
        <source>Receipt</source>
        <translation>Receipt</translation>
    </message>
    <message>
        <location filename="../../kiosk/delegate/BallotCard.qml" line="162"/>
        <source>You may change your choice until voting closes.</source>
        <translation>You may change your choice until voting closes.</translation>
    </message>
    <message>
        <location filename="../../kiosk/delegate/BallotCard.qml" line="163"/>
        <source>This vote does not allow changes.</source>
        <translation>This vote does not allow changes.</translation>
    </message>
    <message>
        <location filename="../../kiosk/delegate/BallotCard.qml" line="173"/>
        <source>Find this code in the published result to check your ballot was counted.</source>
        <translation>Find this code in the published result to check your ballot was counted.</translation>
    </message>
</context>
<context>
    <name>BoardFilters</name>
    <message>
        <location filename="../../kiosk/board/BoardFilters.qml" line="49"/>
        <source>Show:</source>
        <translation>Show:</translation>
    </message>
    <message>
        <location filename="../../kiosk/board/BoardFilters.qml" line="56"/>
        <source>All meetings</source>
        <translation>All meetings</translation>
    </message>
    <message>
        <location filename="../../kiosk/board/BoardFilters.qml" line="63"/>
        <source>All owners</source>
        <translation>All owners</translation>
    </message>
    <message>
        <location filename="../../kiosk/board/BoardFilters.qml" line="73"/>
        <source>Every status</source>
        <translation>Every status</translation>
    </message>
    <message>
        <location filename="../../kiosk/board/BoardFilters.qml" line="81"/>
        <source>Show everything</source>
        <translation>Show everything</translation>
    </message>
</context>
<context>
    <name>BoardMain</name>
    <message numerus="yes">
        <location filename="../../kiosk/board/BoardMain.qml" line="59"/>
        <source>Follow-up of conclusions · %n task(s) · amber %1 days before the deadline</source>
        <translation>
            <numerusform>Follow-up of conclusions · %n task · amber %1 days before the deadline</numerusform>
            <numerusform>Follow-up of conclusions · %n tasks · amber %1 days before the deadline</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kiosk/board/BoardMain.qml" line="103"/>
        <source>Updated %1</source>
        <translation>Updated %1</translation>
    </message>
</context>
<context>
    <name>BoardPanel</name>
    <message>
        <location filename="../../kiosk/chair/BoardPanel.qml" line="25"/>
        <source>Follow-up board · %1</source>
        <translation>Follow-up board · %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/BoardPanel.qml" line="25"/>
        <source>Follow-up board</source>
        <translation>Follow-up board</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/BoardPanel.qml" line="44"/>
        <source>Back to the meeting on the tally</source>
        <translation>Back to the meeting on the tally</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/BoardPanel.qml" line="44"/>
        <source>Show the board on the tally</source>
        <translation>Show the board on the tally</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/BoardPanel.qml" line="55"/>
        <source>The tally screens show the follow-up board.</source>
        <translation>The tally screens show the follow-up board.</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/BoardPanel.qml" line="56"/>
        <source>The tally screens show the meeting.</source>
        <translation>The tally screens show the meeting.</translation>
    </message>
</context>
<context>
    <name>BoardTotals</name>
    <message>
        <location filename="../../kiosk/board/BoardTotals.qml" line="60"/>
        <source>Closed</source>
        <translation>Closed</translation>
    </message>
</context>
<context>
    <name>BoardWall</name>
    <message>
        <location filename="../../kiosk/board/BoardWall.qml" line="171"/>
        <source>Page %1 of %2</source>
        <translation>Page %1 of %2</translation>
    </message>
    <message>
        <location filename="../../kiosk/board/BoardWall.qml" line="183"/>
        <source>No task matches the filter.</source>
        <translation>No task matches the filter.</translation>
    </message>
    <message>
        <location filename="../../kiosk/board/BoardWall.qml" line="183"/>
        <source>No tasks yet.</source>
        <translation>No tasks yet.</translation>
    </message>
</context>
<context>
    <name>BridgeControls</name>
    <message>
        <location filename="../../kiosk/bridge/BridgeControls.qml" line="30"/>
        <source>Microphone off · turn on</source>
        <translation>Microphone off · turn on</translation>
    </message>
    <message>
        <location filename="../../kiosk/bridge/BridgeControls.qml" line="30"/>
        <source>Mute microphone</source>
        <translation>Mute microphone</translation>
    </message>
    <message>
        <location filename="../../kiosk/bridge/BridgeControls.qml" line="37"/>
        <source>Camera off · turn on</source>
        <translation>Camera off · turn on</translation>
    </message>
    <message>
        <location filename="../../kiosk/bridge/BridgeControls.qml" line="37"/>
        <source>Turn camera off</source>
        <translation>Turn camera off</translation>
    </message>
    <message>
        <location filename="../../kiosk/bridge/BridgeControls.qml" line="48"/>
        <source>This site has the floor</source>
        <translation>This site has the floor</translation>
    </message>
    <message>
        <location filename="../../kiosk/bridge/BridgeControls.qml" line="49"/>
        <source>Sending…</source>
        <translation>Sending…</translation>
    </message>
    <message>
        <location filename="../../kiosk/bridge/BridgeControls.qml" line="50"/>
        <source>Waiting to speak (no. %1) · withdraw</source>
        <translation>Waiting to speak (no. %1) · withdraw</translation>
    </message>
    <message>
        <location filename="../../kiosk/bridge/BridgeControls.qml" line="51"/>
        <source>Request to speak</source>
        <translation>Request to speak</translation>
    </message>
</context>
<context>
    <name>BridgeMain</name>
    <message>
        <location filename="../../kiosk/bridge/BridgeMain.qml" line="38"/>
        <source>Bridge point: %1</source>
        <translation>Bridge point: %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/bridge/BridgeMain.qml" line="38"/>
        <source>Bridge point</source>
        <translation>Bridge point</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation type="vanished">Agenda</translation>
    </message>
</context>
<context>
    <name>BridgeSidePanel</name>
    <message>
        <location filename="../../kiosk/bridge/BridgeSidePanel.qml" line="35"/>
        <source>Agenda</source>
        <translation>Agenda</translation>
    </message>
    <message>
        <location filename="../../kiosk/bridge/BridgeSidePanel.qml" line="42"/>
        <source>Documents (%1)</source>
        <translation>Documents (%1)</translation>
    </message>
    <message>
        <location filename="../../kiosk/bridge/BridgeSidePanel.qml" line="43"/>
        <source>Documents (%1/%2)</source>
        <translation>Documents (%1/%2)</translation>
    </message>
</context>
<context>
    <name>BridgeVote</name>
    <message>
        <location filename="../../kiosk/bridge/BridgeVote.qml" line="28"/>
        <source>Voting now: delegates vote on their tablets</source>
        <translation>Voting now: delegates vote on their tablets</translation>
    </message>
    <message>
        <location filename="../../kiosk/bridge/BridgeVote.qml" line="28"/>
        <source>Result of the vote</source>
        <translation>Result of the vote</translation>
    </message>
</context>
<context>
    <name>ChairMain</name>
    <message>
        <location filename="../../kiosk/chair/ChairMain.qml" line="34"/>
        <source>Chair console</source>
        <translation>Chair console</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/ChairMain.qml" line="48"/>
        <source>Agenda (tab)</source>
        <translation>Agenda (tab)</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/ChairMain.qml" line="51"/>
        <source>Voting ●</source>
        <translation>Voting ●</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/ChairMain.qml" line="51"/>
        <source>Voting</source>
        <translation>Voting</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/ChairMain.qml" line="55"/>
        <location filename="../../kiosk/chair/ChairMain.qml" line="112"/>
        <source>Speakers (%1)</source>
        <translation>Speakers (%1)</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/ChairMain.qml" line="57"/>
        <location filename="../../kiosk/chair/ChairMain.qml" line="114"/>
        <source>Attendance</source>
        <translation>Attendance</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/ChairMain.qml" line="58"/>
        <location filename="../../kiosk/chair/ChairMain.qml" line="115"/>
        <source>Devices %1/%2</source>
        <translation>Devices %1/%2</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/ChairMain.qml" line="61"/>
        <location filename="../../kiosk/chair/ChairMain.qml" line="118"/>
        <source>Documents ●</source>
        <translation>Documents ●</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/ChairMain.qml" line="61"/>
        <location filename="../../kiosk/chair/ChairMain.qml" line="118"/>
        <source>Documents</source>
        <translation>Documents</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/ChairMain.qml" line="65"/>
        <location filename="../../kiosk/chair/ChairMain.qml" line="122"/>
        <source>Board ●</source>
        <translation>Board ●</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/ChairMain.qml" line="65"/>
        <location filename="../../kiosk/chair/ChairMain.qml" line="122"/>
        <source>Board</source>
        <translation>Board</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/ChairMain.qml" line="69"/>
        <location filename="../../kiosk/chair/ChairMain.qml" line="126"/>
        <source>Conclusions</source>
        <translation>Conclusions</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/ChairMain.qml" line="73"/>
        <location filename="../../kiosk/chair/ChairMain.qml" line="130"/>
        <source>Minutes</source>
        <translation>Minutes</translation>
    </message>
</context>
<context>
    <name>ColourStyle</name>
    <message>
        <location filename="../../kiosk/board/ColourStyle.qml" line="13"/>
        <source>Overdue</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../kiosk/board/ColourStyle.qml" line="14"/>
        <source>Due soon</source>
        <translation>Due soon</translation>
    </message>
    <message>
        <location filename="../../kiosk/board/ColourStyle.qml" line="15"/>
        <source>On time</source>
        <translation>On time</translation>
    </message>
    <message>
        <location filename="../../kiosk/board/ColourStyle.qml" line="16"/>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../kiosk/board/ColourStyle.qml" line="17"/>
        <source>Cancelled</source>
        <translation>Cancelled</translation>
    </message>
</context>
<context>
    <name>ConclusionsPanel</name>
    <message>
        <location filename="../../kiosk/chair/ConclusionsPanel.qml" line="50"/>
        <source>Conclusions · %1 %2</source>
        <translation>Conclusions · %1 %2</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/ConclusionsPanel.qml" line="51"/>
        <source>Conclusions</source>
        <translation>Conclusions</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/ConclusionsPanel.qml" line="63"/>
        <source>No conclusion on this item yet.</source>
        <translation>No conclusion on this item yet.</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/ConclusionsPanel.qml" line="64"/>
        <source>Select an agenda item to record its conclusions.</source>
        <translation>Select an agenda item to record its conclusions.</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/ConclusionsPanel.qml" line="105"/>
        <source>Conclusion %1</source>
        <translation>Conclusion %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/ConclusionsPanel.qml" line="113"/>
        <source>Edit</source>
        <translation>Edit</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/ConclusionsPanel.qml" line="120"/>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/ConclusionsPanel.qml" line="135"/>
        <source>Remove conclusion %1? Its number stays taken; tasks that name it keep their origin.</source>
        <translation>Remove conclusion %1? Its number stays taken; tasks that name it keep their origin.</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/ConclusionsPanel.qml" line="143"/>
        <source>Keep</source>
        <translation>Keep</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/ConclusionsPanel.qml" line="150"/>
        <source>Yes, remove</source>
        <translation>Yes, remove</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/ConclusionsPanel.qml" line="176"/>
        <location filename="../../kiosk/chair/ConclusionsPanel.qml" line="234"/>
        <source>Resolution: %1</source>
        <translation>Resolution: %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/ConclusionsPanel.qml" line="190"/>
        <source>Not saved: %1</source>
        <translation>Not saved: %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/ConclusionsPanel.qml" line="200"/>
        <source>Editing conclusion %1</source>
        <translation>Editing conclusion %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/ConclusionsPanel.qml" line="200"/>
        <source>New conclusion</source>
        <translation>New conclusion</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/ConclusionsPanel.qml" line="215"/>
        <source>What the meeting concluded on this item</source>
        <translation>What the meeting concluded on this item</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/ConclusionsPanel.qml" line="234"/>
        <source>Rests on no vote</source>
        <translation>Rests on no vote</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/ConclusionsPanel.qml" line="242"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/ConclusionsPanel.qml" line="253"/>
        <source>Save conclusion %1</source>
        <translation>Save conclusion %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/ConclusionsPanel.qml" line="253"/>
        <source>Add conclusion</source>
        <translation>Add conclusion</translation>
    </message>
</context>
<context>
    <name>ConnectionBanner</name>
    <message>
        <location filename="../../kiosk/common/ConnectionBanner.qml" line="52"/>
        <source>Connected</source>
        <translation>Connected</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/ConnectionBanner.qml" line="54"/>
        <source>Reconnecting… (offline since %1)</source>
        <translation>Reconnecting… (offline since %1)</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/ConnectionBanner.qml" line="55"/>
        <source>Connecting…</source>
        <translation>Connecting…</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/ConnectionBanner.qml" line="56"/>
        <source>Offline since %1</source>
        <translation>Offline since %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/ConnectionBanner.qml" line="57"/>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/common/ConnectionBanner.qml" line="59"/>
        <source>next try in %n s</source>
        <translation>
            <numerusform>next try in %n s</numerusform>
            <numerusform>next try in %n s</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CreatePollDialog</name>
    <message>
        <location filename="../../kiosk/chair/CreatePollDialog.qml" line="18"/>
        <source>New vote</source>
        <translation>New vote</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/CreatePollDialog.qml" line="55"/>
        <source>What is voted on</source>
        <translation>What is voted on</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/CreatePollDialog.qml" line="62"/>
        <source>e.g. Approve the resolution on the 2027 budget</source>
        <translation>e.g. Approve the resolution on the 2027 budget</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/CreatePollDialog.qml" line="66"/>
        <source>Ballot</source>
        <translation>Ballot</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/CreatePollDialog.qml" line="73"/>
        <source>In favour / Against / Abstain</source>
        <translation>In favour / Against / Abstain</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/CreatePollDialog.qml" line="78"/>
        <source>Choose one candidate</source>
        <translation>Choose one candidate</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/CreatePollDialog.qml" line="86"/>
        <source>One candidate per line (at least two)</source>
        <translation>One candidate per line (at least two)</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/CreatePollDialog.qml" line="96"/>
        <source>Secret ballot: only the counts are published</source>
        <translation>Secret ballot: only the counts are published</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/CreatePollDialog.qml" line="97"/>
        <source>Named vote: each delegate&apos;s choice is published</source>
        <translation>Named vote: each delegate&apos;s choice is published</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/CreatePollDialog.qml" line="101"/>
        <source>Majority needed</source>
        <translation>Majority needed</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/CreatePollDialog.qml" line="116"/>
        <source>Delegates may change their choice until voting closes</source>
        <translation>Delegates may change their choice until voting closes</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/CreatePollDialog.qml" line="124"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/CreatePollDialog.qml" line="129"/>
        <source>Create</source>
        <translation>Create</translation>
    </message>
</context>
<context>
    <name>CurrentItemCard</name>
    <message>
        <location filename="../../kiosk/common/CurrentItemCard.qml" line="32"/>
        <source>Now under discussion</source>
        <translation>Now under discussion</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/CurrentItemCard.qml" line="32"/>
        <source>No item selected yet</source>
        <translation>No item selected yet</translation>
    </message>
</context>
<context>
    <name>DelegateMain</name>
    <message>
        <location filename="../../kiosk/delegate/DelegateMain.qml" line="30"/>
        <source>Seat %1</source>
        <translation>Seat %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/delegate/DelegateMain.qml" line="65"/>
        <source>Agenda</source>
        <translation>Agenda</translation>
    </message>
    <message>
        <location filename="../../kiosk/delegate/DelegateMain.qml" line="72"/>
        <source>Documents (%1)</source>
        <translation>Documents (%1)</translation>
    </message>
    <message>
        <location filename="../../kiosk/delegate/DelegateMain.qml" line="73"/>
        <source>Documents (%1/%2)</source>
        <translation>Documents (%1/%2)</translation>
    </message>
</context>
<context>
    <name>DevicePanel</name>
    <message>
        <location filename="../../kiosk/chair/DevicePanel.qml" line="13"/>
        <source>Devices: %1 of %2 online</source>
        <translation>Devices: %1 of %2 online</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/DevicePanel.qml" line="24"/>
        <source>No device has joined yet. Print seat cards with chamberctl seat-cards.</source>
        <translation>No device has joined yet. Print seat cards with chamberctl seat-cards.</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/DevicePanel.qml" line="81"/>
        <source>seat tablet</source>
        <translation>seat tablet</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/DevicePanel.qml" line="81"/>
        <source>chair console</source>
        <translation>chair console</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/DevicePanel.qml" line="82"/>
        <source>tally screen</source>
        <translation>tally screen</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/DevicePanel.qml" line="82"/>
        <source>bridge point</source>
        <translation>bridge point</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/DevicePanel.qml" line="83"/>
        <source>follow-up board</source>
        <translation>follow-up board</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/DevicePanel.qml" line="86"/>
        <source>%1 · online since %2</source>
        <translation>%1 · online since %2</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/DevicePanel.qml" line="86"/>
        <source>%1 · offline since %2</source>
        <translation>%1 · offline since %2</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/DevicePanel.qml" line="88"/>
        <source>%1 · not seen yet</source>
        <translation>%1 · not seen yet</translation>
    </message>
</context>
<context>
    <name>DocumentLibrary</name>
    <message>
        <location filename="../../kiosk/documents/DocumentLibrary.qml" line="25"/>
        <source>No documents for this meeting yet.</source>
        <translation>No documents for this meeting yet.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/documents/DocumentLibrary.qml" line="26"/>
        <source>All %n document(s) are on this tablet and can be read offline.</source>
        <translation>
            <numerusform>All %n document(s) are on this tablet and can be read offline.</numerusform>
            <numerusform>All %n document(s) are on this tablet and can be read offline.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kiosk/documents/DocumentLibrary.qml" line="27"/>
        <source>%1 of %2 documents on this tablet</source>
        <translation>%1 of %2 documents on this tablet</translation>
    </message>
</context>
<context>
    <name>DocumentRow</name>
    <message>
        <location filename="../../kiosk/documents/DocumentRow.qml" line="31"/>
        <source>%1 MB</source>
        <translation>%1 MB</translation>
    </message>
    <message>
        <location filename="../../kiosk/documents/DocumentRow.qml" line="32"/>
        <source>%1 kB</source>
        <translation>%1 kB</translation>
    </message>
    <message>
        <location filename="../../kiosk/documents/DocumentRow.qml" line="68"/>
        <source>On screen</source>
        <translation>On screen</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/documents/DocumentRow.qml" line="81"/>
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n page(s)</numerusform>
            <numerusform>%n page(s)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kiosk/documents/DocumentRow.qml" line="105"/>
        <source>✓ On this tablet</source>
        <translation>✓ On this tablet</translation>
    </message>
    <message>
        <location filename="../../kiosk/documents/DocumentRow.qml" line="106"/>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <location filename="../../kiosk/documents/DocumentRow.qml" line="107"/>
        <source>Will retry</source>
        <translation>Will retry</translation>
    </message>
    <message>
        <location filename="../../kiosk/documents/DocumentRow.qml" line="108"/>
        <source>Not available</source>
        <translation>Not available</translation>
    </message>
    <message>
        <location filename="../../kiosk/documents/DocumentRow.qml" line="109"/>
        <source>Waiting</source>
        <translation>Waiting</translation>
    </message>
</context>
<context>
    <name>DocumentViewer</name>
    <message>
        <location filename="../../kiosk/documents/DocumentViewer.qml" line="200"/>
        <source>This document cannot be opened.</source>
        <translation>This document cannot be opened.</translation>
    </message>
    <message>
        <location filename="../../kiosk/documents/DocumentViewer.qml" line="201"/>
        <source>Opening…</source>
        <translation>Opening…</translation>
    </message>
    <message>
        <location filename="../../kiosk/documents/DocumentViewer.qml" line="202"/>
        <source>This document is still being downloaded.</source>
        <translation>This document is still being downloaded.</translation>
    </message>
    <message>
        <location filename="../../kiosk/documents/DocumentViewer.qml" line="249"/>
        <source>New note</source>
        <translation>New note</translation>
    </message>
    <message>
        <location filename="../../kiosk/documents/DocumentViewer.qml" line="249"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../kiosk/documents/DocumentViewer.qml" line="257"/>
        <source>Only you can see your notes.</source>
        <translation>Only you can see your notes.</translation>
    </message>
    <message>
        <location filename="../../kiosk/documents/DocumentViewer.qml" line="261"/>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../kiosk/documents/DocumentViewer.qml" line="265"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../kiosk/documents/DocumentViewer.qml" line="265"/>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
</context>
<context>
    <name>FollowBar</name>
    <message>
        <location filename="../../kiosk/documents/FollowBar.qml" line="30"/>
        <source>Following the presenter: %1, page %2</source>
        <translation>Following the presenter: %1, page %2</translation>
    </message>
    <message>
        <location filename="../../kiosk/documents/FollowBar.qml" line="31"/>
        <source>The presenter shows %1, page %2</source>
        <translation>The presenter shows %1, page %2</translation>
    </message>
    <message>
        <location filename="../../kiosk/documents/FollowBar.qml" line="36"/>
        <source>Back to the presenter</source>
        <translation>Back to the presenter</translation>
    </message>
</context>
<context>
    <name>JoinPage</name>
    <message>
        <location filename="../../kiosk/app/JoinPage.qml" line="62"/>
        <source>Join the meeting room</source>
        <translation>Join the meeting room</translation>
    </message>
    <message>
        <location filename="../../kiosk/app/JoinPage.qml" line="77"/>
        <source>Scan the QR code on your seat card, or the one the secretary gave you for this device. This device then shows the agenda, your attendance and, later, votes.</source>
        <translation>Scan the QR code on your seat card, or the one the secretary gave you for this device. This device then shows the agenda, your attendance and, later, votes.</translation>
    </message>
    <message>
        <location filename="../../kiosk/app/JoinPage.qml" line="109"/>
        <source>Joining…</source>
        <translation>Joining…</translation>
    </message>
    <message>
        <location filename="../../kiosk/app/JoinPage.qml" line="120"/>
        <source>Language</source>
        <translation>Language</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../../kiosk/app/Main.qml" line="33"/>
        <source>This device may not do that.</source>
        <translation>This device may not do that.</translation>
    </message>
    <message>
        <location filename="../../kiosk/app/Main.qml" line="34"/>
        <source>That no longer exists; the screen will update.</source>
        <translation>That no longer exists; the screen will update.</translation>
    </message>
    <message>
        <location filename="../../kiosk/app/Main.qml" line="35"/>
        <source>The server refused: %1</source>
        <translation>The server refused: %1</translation>
    </message>
</context>
<context>
    <name>MinutesPanel</name>
    <message>
        <location filename="../../kiosk/chair/MinutesPanel.qml" line="106"/>
        <source>Minutes and recordings</source>
        <translation>Minutes and recordings</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/MinutesPanel.qml" line="124"/>
        <source>Final</source>
        <translation>Final</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/MinutesPanel.qml" line="124"/>
        <source>Draft</source>
        <translation>Draft</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/MinutesPanel.qml" line="139"/>
        <source>Making the minutes…</source>
        <translation>Making the minutes…</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/MinutesPanel.qml" line="139"/>
        <source>Open the draft minutes</source>
        <translation>Open the draft minutes</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/MinutesPanel.qml" line="146"/>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/MinutesPanel.qml" line="169"/>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/MinutesPanel.qml" line="169"/>
        <source>Nobody has spoken yet.</source>
        <translation>Nobody has spoken yet.</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/MinutesPanel.qml" line="219"/>
        <source>%1 – %2 (%3)</source>
        <translation>%1 – %2 (%3)</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/MinutesPanel.qml" line="221"/>
        <source>%1 – speaking</source>
        <translation>%1 – speaking</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/MinutesPanel.qml" line="240"/>
        <source>Fetching…</source>
        <translation>Fetching…</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/MinutesPanel.qml" line="240"/>
        <source>Stop</source>
        <translation>Stop</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/MinutesPanel.qml" line="240"/>
        <source>Play</source>
        <translation>Play</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/MinutesPanel.qml" line="249"/>
        <source>Recording %1 · %2</source>
        <translation>Recording %1 · %2</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/MinutesPanel.qml" line="251"/>
        <source>partial</source>
        <translation>partial</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/MinutesPanel.qml" line="266"/>
        <source>Not recorded: %1</source>
        <translation>Not recorded: %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/MinutesPanel.qml" line="276"/>
        <source>No recording.</source>
        <translation>No recording.</translation>
    </message>
</context>
<context>
    <name>OwnerHeading</name>
    <message>
        <location filename="../../kiosk/board/OwnerHeading.qml" line="31"/>
        <source>%1 (continued)</source>
        <translation>%1 (continued)</translation>
    </message>
</context>
<context>
    <name>PdfPage</name>
    <message>
        <location filename="../../kiosk/documents/PdfPage.qml" line="71"/>
        <source>Page %1</source>
        <translation>Page %1</translation>
    </message>
</context>
<context>
    <name>PhoneReaderButton</name>
    <message>
        <location filename="../../kiosk/delegate/PhoneReaderButton.qml" line="13"/>
        <source>Read on my phone</source>
        <translation>Read on my phone</translation>
    </message>
    <message>
        <location filename="../../kiosk/delegate/PhoneReaderButton.qml" line="36"/>
        <source>Scan with your phone&apos;s camera</source>
        <translation>Scan with your phone&apos;s camera</translation>
    </message>
    <message>
        <location filename="../../kiosk/delegate/PhoneReaderButton.qml" line="46"/>
        <source>Your phone opens the meeting&apos;s documents, read-only. Your browser may warn about the server&apos;s certificate the first time: the meeting&apos;s own server uses one of its own.</source>
        <translation>Your phone opens the meeting&apos;s documents, read-only. Your browser may warn about the server&apos;s certificate the first time: the meeting&apos;s own server uses one of its own.</translation>
    </message>
    <message>
        <location filename="../../kiosk/delegate/PhoneReaderButton.qml" line="72"/>
        <source>Asking the server…</source>
        <translation>Asking the server…</translation>
    </message>
    <message>
        <location filename="../../kiosk/delegate/PhoneReaderButton.qml" line="73"/>
        <source>Valid until %1</source>
        <translation>Valid until %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/delegate/PhoneReaderButton.qml" line="77"/>
        <source>Close</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>PollPanel</name>
    <message>
        <location filename="../../kiosk/chair/PollPanel.qml" line="23"/>
        <source>Votes</source>
        <translation>Votes</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/PollPanel.qml" line="34"/>
        <source>+ New vote</source>
        <translation>+ New vote</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/PollPanel.qml" line="116"/>
        <source>Tap a vote to see it.</source>
        <translation>Tap a vote to see it.</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/PollPanel.qml" line="116"/>
        <source>No vote yet. Create one for the item under discussion.</source>
        <translation>No vote yet. Create one for the item under discussion.</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/PollPanel.qml" line="167"/>
        <source>Secret ballot</source>
        <translation>Secret ballot</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/PollPanel.qml" line="167"/>
        <source>Named vote</source>
        <translation>Named vote</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/PollPanel.qml" line="169"/>
        <source>changes allowed</source>
        <translation>changes allowed</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/PollPanel.qml" line="169"/>
        <source>no changes</source>
        <translation>no changes</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/PollPanel.qml" line="187"/>
        <source>Open voting</source>
        <translation>Open voting</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/PollPanel.qml" line="187"/>
        <source>Another vote is open</source>
        <translation>Another vote is open</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/PollPanel.qml" line="200"/>
        <location filename="../../kiosk/chair/PollPanel.qml" line="314"/>
        <source>Close voting</source>
        <translation>Close voting</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/PollPanel.qml" line="211"/>
        <source>Publish the result</source>
        <translation>Publish the result</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/PollPanel.qml" line="220"/>
        <source>Result published and signed</source>
        <translation>Result published and signed</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/PollPanel.qml" line="237"/>
        <source>Not voted yet (%1):</source>
        <translation>Not voted yet (%1):</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/PollPanel.qml" line="238"/>
        <source>Everyone present has voted.</source>
        <translation>Everyone present has voted.</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/PollPanel.qml" line="293"/>
        <source>Close voting?</source>
        <translation>Close voting?</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/PollPanel.qml" line="304"/>
        <source>%1 of %2 ballots are in. No ballot can be cast or changed after the close.</source>
        <translation>%1 of %2 ballots are in. No ballot can be cast or changed after the close.</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/PollPanel.qml" line="309"/>
        <source>Keep voting open</source>
        <translation>Keep voting open</translation>
    </message>
</context>
<context>
    <name>PollResultView</name>
    <message>
        <location filename="../../kiosk/common/PollResultView.qml" line="36"/>
        <location filename="../../kiosk/common/PollResultView.qml" line="110"/>
        <source>%1  (%2)</source>
        <translation>%1  (%2)</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/PollResultView.qml" line="125"/>
        <source>Rule: %1</source>
        <translation>Rule: %1</translation>
    </message>
</context>
<context>
    <name>PresentedPage</name>
    <message>
        <location filename="../../kiosk/documents/PresentedPage.qml" line="42"/>
        <source>Page %1 of %2</source>
        <translation>Page %1 of %2</translation>
    </message>
    <message>
        <location filename="../../kiosk/documents/PresentedPage.qml" line="43"/>
        <source>Page %1</source>
        <translation>Page %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/documents/PresentedPage.qml" line="76"/>
        <source>This document cannot be opened.</source>
        <translation>This document cannot be opened.</translation>
    </message>
    <message>
        <location filename="../../kiosk/documents/PresentedPage.qml" line="77"/>
        <source>The document is being downloaded…</source>
        <translation>The document is being downloaded…</translation>
    </message>
</context>
<context>
    <name>ProgrammeView</name>
    <message>
        <location filename="../../kiosk/bridge/ProgrammeView.qml" line="33"/>
        <source>Video cannot be shown on this device</source>
        <translation>Video cannot be shown on this device</translation>
    </message>
    <message>
        <location filename="../../kiosk/bridge/ProgrammeView.qml" line="34"/>
        <source>Not connected to the chamber</source>
        <translation>Not connected to the chamber</translation>
    </message>
    <message>
        <location filename="../../kiosk/bridge/ProgrammeView.qml" line="35"/>
        <source>Connecting to the chamber&apos;s video…</source>
        <translation>Connecting to the chamber&apos;s video…</translation>
    </message>
    <message>
        <location filename="../../kiosk/bridge/ProgrammeView.qml" line="36"/>
        <source>Reconnecting video…</source>
        <translation>Reconnecting video…</translation>
    </message>
    <message>
        <location filename="../../kiosk/bridge/ProgrammeView.qml" line="37"/>
        <source>The chamber&apos;s video service is restarting…</source>
        <translation>The chamber&apos;s video service is restarting…</translation>
    </message>
    <message>
        <location filename="../../kiosk/bridge/ProgrammeView.qml" line="38"/>
        <source>The chamber&apos;s video service is unavailable</source>
        <translation>The chamber&apos;s video service is unavailable</translation>
    </message>
    <message>
        <location filename="../../kiosk/bridge/ProgrammeView.qml" line="39"/>
        <source>Video connection lost; trying again…</source>
        <translation>Video connection lost; trying again…</translation>
    </message>
    <message>
        <location filename="../../kiosk/bridge/ProgrammeView.qml" line="42"/>
        <source>This screen has no graphics display.</source>
        <translation>This screen has no graphics display.</translation>
    </message>
    <message>
        <location filename="../../kiosk/bridge/ProgrammeView.qml" line="43"/>
        <source>The graphics driver does not offer OpenGL.</source>
        <translation>The graphics driver does not offer OpenGL.</translation>
    </message>
    <message>
        <location filename="../../kiosk/bridge/ProgrammeView.qml" line="44"/>
        <source>GStreamer parts are missing (gstreamer1.0-gl, gstreamer1.0-qt6).</source>
        <translation>GStreamer parts are missing (gstreamer1.0-gl, gstreamer1.0-qt6).</translation>
    </message>
    <message>
        <location filename="../../kiosk/bridge/ProgrammeView.qml" line="45"/>
        <source>The video display could not be created.</source>
        <translation>The video display could not be created.</translation>
    </message>
    <message>
        <location filename="../../kiosk/bridge/ProgrammeView.qml" line="45"/>
        <source>The rest of the meeting works as usual.</source>
        <translation>The rest of the meeting works as usual.</translation>
    </message>
    <message>
        <location filename="../../kiosk/bridge/ProgrammeView.qml" line="46"/>
        <source>Video returns by itself when the connection is back.</source>
        <translation>Video returns by itself when the connection is back.</translation>
    </message>
    <message>
        <location filename="../../kiosk/bridge/ProgrammeView.qml" line="47"/>
        <source>The picture stopped arriving; it resumes by itself.</source>
        <translation>The picture stopped arriving; it resumes by itself.</translation>
    </message>
    <message>
        <location filename="../../kiosk/bridge/ProgrammeView.qml" line="48"/>
        <source>The agenda, documents and votes work as usual. Please tell the technician.</source>
        <translation>The agenda, documents and votes work as usual. Please tell the technician.</translation>
    </message>
    <message>
        <location filename="../../kiosk/bridge/ProgrammeView.qml" line="49"/>
        <source>The agenda, documents and votes work as usual.</source>
        <translation>The agenda, documents and votes work as usual.</translation>
    </message>
    <message>
        <location filename="../../kiosk/bridge/ProgrammeView.qml" line="108"/>
        <source>ON AIR · This site has the floor</source>
        <translation>ON AIR · This site has the floor</translation>
    </message>
    <message>
        <location filename="../../kiosk/bridge/ProgrammeView.qml" line="144"/>
        <source>Camera off</source>
        <translation>Camera off</translation>
    </message>
    <message>
        <location filename="../../kiosk/bridge/ProgrammeView.qml" line="145"/>
        <source>Camera not sending</source>
        <translation>Camera not sending</translation>
    </message>
    <message>
        <location filename="../../kiosk/bridge/ProgrammeView.qml" line="146"/>
        <source>No camera</source>
        <translation>No camera</translation>
    </message>
    <message>
        <location filename="../../kiosk/bridge/ProgrammeView.qml" line="147"/>
        <source>Own camera</source>
        <translation>Own camera</translation>
    </message>
    <message>
        <location filename="../../kiosk/bridge/ProgrammeView.qml" line="166"/>
        <source>Muted</source>
        <translation>Muted</translation>
    </message>
</context>
<context>
    <name>QuorumPanel</name>
    <message>
        <location filename="../../kiosk/common/QuorumPanel.qml" line="19"/>
        <source>at least %1 of members</source>
        <translation>at least %1 of members</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/QuorumPanel.qml" line="20"/>
        <source>more than %1 of members</source>
        <translation>more than %1 of members</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/QuorumPanel.qml" line="31"/>
        <source>Attendance</source>
        <translation>Attendance</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/QuorumPanel.qml" line="43"/>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/QuorumPanel.qml" line="59"/>
        <source>Quorum reached</source>
        <translation>Quorum reached</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/QuorumPanel.qml" line="59"/>
        <source>No quorum</source>
        <translation>No quorum</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/QuorumPanel.qml" line="74"/>
        <source>Quorum: %1 (%2)</source>
        <translation>Quorum: %1 (%2)</translation>
    </message>
</context>
<context>
    <name>ScannerView</name>
    <message>
        <location filename="../../kiosk/scanner/ScannerView.qml" line="19"/>
        <source>Hold the QR code on your seat card inside the frame.</source>
        <translation>Hold the QR code on your seat card inside the frame.</translation>
    </message>
    <message>
        <location filename="../../kiosk/scanner/ScannerView.qml" line="40"/>
        <source>The camera failed: %1</source>
        <translation>The camera failed: %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/scanner/ScannerView.qml" line="64"/>
        <source>QR code read.</source>
        <translation>QR code read.</translation>
    </message>
    <message>
        <location filename="../../kiosk/scanner/ScannerView.qml" line="69"/>
        <source>No QR code could be read (%1).</source>
        <translation>No QR code could be read (%1).</translation>
    </message>
    <message>
        <location filename="../../kiosk/scanner/ScannerView.qml" line="126"/>
        <source>This device has no camera.</source>
        <translation>This device has no camera.</translation>
    </message>
    <message>
        <location filename="../../kiosk/scanner/ScannerView.qml" line="20"/>
        <source>Open a photo or screenshot of the QR code on your seat card.</source>
        <translation>Open a photo or screenshot of the QR code on your seat card.</translation>
    </message>
    <message>
        <location filename="../../kiosk/scanner/ScannerView.qml" line="143"/>
        <source>Open image…</source>
        <translation>Open image…</translation>
    </message>
    <message>
        <location filename="../../kiosk/scanner/ScannerView.qml" line="167"/>
        <source>Choose a picture of the QR code</source>
        <translation>Choose a picture of the QR code</translation>
    </message>
    <message>
        <location filename="../../kiosk/scanner/ScannerView.qml" line="168"/>
        <source>Images (*.png *.jpg *.jpeg *.bmp *.webp)</source>
        <translation>Images (*.png *.jpg *.jpeg *.bmp *.webp)</translation>
    </message>
    <message>
        <location filename="../../kiosk/scanner/ScannerView.qml" line="168"/>
        <source>All files (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <location filename="../../kiosk/scanner/ScannerView.qml" line="170"/>
        <source>Reading the picture…</source>
        <translation>Reading the picture…</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <location filename="../../kiosk/documents/SearchPanel.qml" line="29"/>
        <source>Search in this document</source>
        <translation>Search in this document</translation>
    </message>
    <message>
        <location filename="../../kiosk/documents/SearchPanel.qml" line="38"/>
        <source>Not found</source>
        <translation>Not found</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/documents/SearchPanel.qml" line="38"/>
        <source>%n result(s)</source>
        <translation>
            <numerusform>%n result(s)</numerusform>
            <numerusform>%n result(s)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kiosk/documents/SearchPanel.qml" line="77"/>
        <source>p. %1</source>
        <translation>p. %1</translation>
    </message>
</context>
<context>
    <name>SeatVoteMap</name>
    <message>
        <location filename="../../kiosk/common/SeatVoteMap.qml" line="114"/>
        <source>No ballot</source>
        <translation>No ballot</translation>
    </message>
</context>
<context>
    <name>SiteBadge</name>
    <message>
        <location filename="../../kiosk/common/SiteBadge.qml" line="46"/>
        <source>Remote site</source>
        <translation>Remote site</translation>
    </message>
</context>
<context>
    <name>SpeakerCard</name>
    <message>
        <location filename="../../kiosk/common/SpeakerCard.qml" line="40"/>
        <source>Speaking now</source>
        <translation>Speaking now</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/SpeakerCard.qml" line="71"/>
        <source>Speaking from a remote site</source>
        <translation>Speaking from a remote site</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/SpeakerCard.qml" line="72"/>
        <source>Seat %1</source>
        <translation>Seat %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/SpeakerCard.qml" line="95"/>
        <source>spoken, no limit</source>
        <translation>spoken, no limit</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/SpeakerCard.qml" line="96"/>
        <source>over the %1 limit</source>
        <translation>over the %1 limit</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/SpeakerCard.qml" line="97"/>
        <source>left of %1</source>
        <translation>left of %1</translation>
    </message>
</context>
<context>
    <name>SpeakerPanel</name>
    <message>
        <location filename="../../kiosk/chair/SpeakerPanel.qml" line="53"/>
        <source>Nobody has the floor.</source>
        <translation>Nobody has the floor.</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/SpeakerPanel.qml" line="70"/>
        <source>Give the floor to %1</source>
        <translation>Give the floor to %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/SpeakerPanel.qml" line="71"/>
        <source>Give the floor to the next</source>
        <translation>Give the floor to the next</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/SpeakerPanel.qml" line="83"/>
        <source>End the speech</source>
        <translation>End the speech</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/SpeakerPanel.qml" line="91"/>
        <source>Speaker list (%1)</source>
        <translation>Speaker list (%1)</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/SpeakerPanel.qml" line="102"/>
        <source>Delegates ask to speak from their tablets, remote sites from their bridge screens.</source>
        <translation>Delegates ask to speak from their tablets, remote sites from their bridge screens.</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/SpeakerPanel.qml" line="158"/>
        <source>Seat %1</source>
        <translation>Seat %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/SpeakerPanel.qml" line="183"/>
        <source>Floor</source>
        <translation>Floor</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/SpeakerPanel.qml" line="202"/>
        <source>Time per speech: %1 min</source>
        <translation>Time per speech: %1 min</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/SpeakerPanel.qml" line="203"/>
        <source>Time per speech: no limit</source>
        <translation>Time per speech: no limit</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/SpeakerPanel.qml" line="223"/>
        <source>Set</source>
        <translation>Set</translation>
    </message>
</context>
<context>
    <name>SpeakingCard</name>
    <message>
        <location filename="../../kiosk/delegate/SpeakingCard.qml" line="30"/>
        <source>Speaking</source>
        <translation>Speaking</translation>
    </message>
    <message>
        <location filename="../../kiosk/delegate/SpeakingCard.qml" line="43"/>
        <source>You have the floor</source>
        <translation>You have the floor</translation>
    </message>
    <message>
        <location filename="../../kiosk/delegate/SpeakingCard.qml" line="62"/>
        <source>No time limit</source>
        <translation>No time limit</translation>
    </message>
    <message>
        <location filename="../../kiosk/delegate/SpeakingCard.qml" line="63"/>
        <source>Time is up: please conclude.</source>
        <translation>Time is up: please conclude.</translation>
    </message>
    <message>
        <location filename="../../kiosk/delegate/SpeakingCard.qml" line="64"/>
        <source>left of %1</source>
        <translation>left of %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/delegate/SpeakingCard.qml" line="79"/>
        <source>You are next to speak</source>
        <translation>You are next to speak</translation>
    </message>
    <message>
        <location filename="../../kiosk/delegate/SpeakingCard.qml" line="79"/>
        <source>You are number %1 on the speaker list</source>
        <translation>You are number %1 on the speaker list</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/delegate/SpeakingCard.qml" line="80"/>
        <source>%n waiting to speak</source>
        <translation>
            <numerusform>%n waiting to speak</numerusform>
            <numerusform>%n waiting to speak</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kiosk/delegate/SpeakingCard.qml" line="81"/>
        <source>Nobody is waiting to speak</source>
        <translation>Nobody is waiting to speak</translation>
    </message>
    <message>
        <location filename="../../kiosk/delegate/SpeakingCard.qml" line="91"/>
        <source>Speaking now: %1 · %2</source>
        <translation>Speaking now: %1 · %2</translation>
    </message>
    <message>
        <location filename="../../kiosk/delegate/SpeakingCard.qml" line="106"/>
        <source>Sending…</source>
        <translation>Sending…</translation>
    </message>
    <message>
        <location filename="../../kiosk/delegate/SpeakingCard.qml" line="107"/>
        <source>Withdraw my request</source>
        <translation>Withdraw my request</translation>
    </message>
    <message>
        <location filename="../../kiosk/delegate/SpeakingCard.qml" line="107"/>
        <source>Ask to speak</source>
        <translation>Ask to speak</translation>
    </message>
</context>
<context>
    <name>StatusChip</name>
    <message>
        <location filename="../../kiosk/common/StatusChip.qml" line="25"/>
        <source>In session</source>
        <translation>In session</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/StatusChip.qml" line="26"/>
        <source>Session ended</source>
        <translation>Session ended</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/StatusChip.qml" line="26"/>
        <source>Not started</source>
        <translation>Not started</translation>
    </message>
</context>
<context>
    <name>TallyMain</name>
    <message>
        <location filename="../../kiosk/tally/TallyMain.qml" line="112"/>
        <source>Follow-up board · %1</source>
        <translation>Follow-up board · %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/tally/TallyMain.qml" line="113"/>
        <source>Follow-up board</source>
        <translation>Follow-up board</translation>
    </message>
    <message>
        <location filename="../../kiosk/tally/TallyMain.qml" line="180"/>
        <source>Next seat</source>
        <translation>Next seat</translation>
    </message>
    <message>
        <location filename="../../kiosk/tally/TallyMain.qml" line="198"/>
        <source>Scan with the seat&apos;s tablet to join</source>
        <translation>Scan with the seat&apos;s tablet to join</translation>
    </message>
</context>
<context>
    <name>TallySite</name>
    <message>
        <location filename="../../kiosk/tally/TallySite.qml" line="40"/>
        <source>Video cannot be shown on this screen</source>
        <translation>Video cannot be shown on this screen</translation>
    </message>
    <message>
        <location filename="../../kiosk/tally/TallySite.qml" line="41"/>
        <source>Reconnecting video…</source>
        <translation>Reconnecting video…</translation>
    </message>
    <message>
        <location filename="../../kiosk/tally/TallySite.qml" line="42"/>
        <source>The chamber&apos;s video service is unavailable</source>
        <translation>The chamber&apos;s video service is unavailable</translation>
    </message>
    <message>
        <location filename="../../kiosk/tally/TallySite.qml" line="43"/>
        <source>Connecting to the site&apos;s video…</source>
        <translation>Connecting to the site&apos;s video…</translation>
    </message>
</context>
<context>
    <name>TallyVote</name>
    <message>
        <location filename="../../kiosk/tally/TallyVote.qml" line="29"/>
        <source>Voting now</source>
        <translation>Voting now</translation>
    </message>
    <message>
        <location filename="../../kiosk/tally/TallyVote.qml" line="29"/>
        <source>Result of the vote</source>
        <translation>Result of the vote</translation>
    </message>
    <message>
        <location filename="../../kiosk/tally/TallyVote.qml" line="38"/>
        <source>Secret ballot</source>
        <translation>Secret ballot</translation>
    </message>
    <message>
        <location filename="../../kiosk/tally/TallyVote.qml" line="38"/>
        <source>Named vote</source>
        <translation>Named vote</translation>
    </message>
    <message>
        <location filename="../../kiosk/tally/TallyVote.qml" line="78"/>
        <source>Passes with: %1</source>
        <translation>Passes with: %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/tally/TallyVote.qml" line="78"/>
        <source>Elected with: %1</source>
        <translation>Elected with: %1</translation>
    </message>
</context>
<context>
    <name>TaskCard</name>
    <message>
        <location filename="../../kiosk/board/TaskCard.qml" line="27"/>
        <source>Completed</source>
        <translation>Completed</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/board/TaskCard.qml" line="32"/>
        <source>%n day(s) late · due %1</source>
        <translation>
            <numerusform>%n day late · due %1</numerusform>
            <numerusform>%n days late · due %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kiosk/board/TaskCard.qml" line="33"/>
        <source>Late · due %1</source>
        <translation>Late · due %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/board/TaskCard.qml" line="35"/>
        <source>Due today · %1</source>
        <translation>Due today · %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/board/TaskCard.qml" line="36"/>
        <source>Due in %n day(s) · %1</source>
        <translation>
            <numerusform>Due in %n day · %1</numerusform>
            <numerusform>Due in %n days · %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kiosk/board/TaskCard.qml" line="86"/>
        <source>#%1 · meeting %2, conclusion %3</source>
        <translation>#%1 · meeting %2, conclusion %3</translation>
    </message>
    <message>
        <location filename="../../kiosk/board/TaskCard.qml" line="87"/>
        <source>#%1</source>
        <translation>#%1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/board/TaskCard.qml" line="127"/>
        <source>%n note(s)</source>
        <translation>
            <numerusform>%n note</numerusform>
            <numerusform>%n notes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TaskHistoryPopup</name>
    <message>
        <location filename="../../kiosk/board/TaskHistoryPopup.qml" line="49"/>
        <source>History of #%1 · %2</source>
        <translation>History of #%1 · %2</translation>
    </message>
    <message>
        <location filename="../../kiosk/board/TaskHistoryPopup.qml" line="60"/>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../kiosk/board/TaskHistoryPopup.qml" line="69"/>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../../kiosk/board/TaskHistoryPopup.qml" line="100"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location filename="../../kiosk/board/TaskHistoryPopup.qml" line="120"/>
        <source>Reason: %1</source>
        <translation>Reason: %1</translation>
    </message>
</context>
<context>
    <name>ViewerToolbar</name>
    <message>
        <location filename="../../kiosk/documents/ViewerToolbar.qml" line="59"/>
        <source>‹ Documents</source>
        <translation>‹ Documents</translation>
    </message>
    <message>
        <location filename="../../kiosk/documents/ViewerToolbar.qml" line="93"/>
        <source>of %1</source>
        <translation>of %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/documents/ViewerToolbar.qml" line="106"/>
        <source>Pages</source>
        <translation>Pages</translation>
    </message>
    <message>
        <location filename="../../kiosk/documents/ViewerToolbar.qml" line="112"/>
        <source>Search</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../../kiosk/documents/ViewerToolbar.qml" line="119"/>
        <source>Pen</source>
        <translation>Pen</translation>
    </message>
    <message>
        <location filename="../../kiosk/documents/ViewerToolbar.qml" line="126"/>
        <source>Highlight</source>
        <translation>Highlight</translation>
    </message>
    <message>
        <location filename="../../kiosk/documents/ViewerToolbar.qml" line="133"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../kiosk/documents/ViewerToolbar.qml" line="140"/>
        <source>Erase</source>
        <translation>Erase</translation>
    </message>
    <message>
        <location filename="../../kiosk/documents/ViewerToolbar.qml" line="147"/>
        <source>Undo</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../kiosk/documents/ViewerToolbar.qml" line="163"/>
        <source>Back up</source>
        <translation>Back up</translation>
    </message>
    <message>
        <location filename="../../kiosk/documents/ViewerToolbar.qml" line="169"/>
        <source>Show to all</source>
        <translation>Show to all</translation>
    </message>
</context>
<context>
    <name>VoteProgress</name>
    <message>
        <location filename="../../kiosk/common/VoteProgress.qml" line="24"/>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/VoteProgress.qml" line="34"/>
        <source>have voted</source>
        <translation>have voted</translation>
    </message>
</context>
<context>
    <name>VotingPanel</name>
    <message>
        <location filename="../../kiosk/delegate/VotingPanel.qml" line="45"/>
        <source>Voting now</source>
        <translation>Voting now</translation>
    </message>
    <message>
        <location filename="../../kiosk/delegate/VotingPanel.qml" line="46"/>
        <source>Result published</source>
        <translation>Result published</translation>
    </message>
    <message>
        <location filename="../../kiosk/delegate/VotingPanel.qml" line="46"/>
        <source>Voting closed</source>
        <translation>Voting closed</translation>
    </message>
    <message>
        <location filename="../../kiosk/delegate/VotingPanel.qml" line="56"/>
        <source>Secret ballot</source>
        <translation>Secret ballot</translation>
    </message>
    <message>
        <location filename="../../kiosk/delegate/VotingPanel.qml" line="56"/>
        <source>Named vote</source>
        <translation>Named vote</translation>
    </message>
    <message>
        <location filename="../../kiosk/delegate/VotingPanel.qml" line="68"/>
        <source>Back to the agenda</source>
        <translation>Back to the agenda</translation>
    </message>
    <message>
        <location filename="../../kiosk/delegate/VotingPanel.qml" line="87"/>
        <source>Passes with: %1</source>
        <translation>Passes with: %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/delegate/VotingPanel.qml" line="87"/>
        <source>Elected with: %1</source>
        <translation>Elected with: %1</translation>
    </message>
</context>
<context>
    <name>VotingText</name>
    <message>
        <location filename="../../kiosk/common/votingtext.cpp" line="12"/>
        <source>half</source>
        <translation>half</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/votingtext.cpp" line="14"/>
        <source>two thirds</source>
        <translation>two thirds</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/votingtext.cpp" line="16"/>
        <source>three fifths</source>
        <translation>three fifths</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/votingtext.cpp" line="18"/>
        <source>three quarters</source>
        <translation>three quarters</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/votingtext.cpp" line="27"/>
        <source>In favour</source>
        <translation>In favour</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/votingtext.cpp" line="29"/>
        <source>Against</source>
        <translation>Against</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/votingtext.cpp" line="31"/>
        <source>Abstain</source>
        <translation>Abstain</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/votingtext.cpp" line="39"/>
        <source>all members</source>
        <translation>all members</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/votingtext.cpp" line="41"/>
        <source>members present</source>
        <translation>members present</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/votingtext.cpp" line="43"/>
        <source>votes cast</source>
        <translation>votes cast</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/votingtext.cpp" line="54"/>
        <source>More than half of all members</source>
        <translation>More than half of all members</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/votingtext.cpp" line="56"/>
        <source>At least two thirds of all members</source>
        <translation>At least two thirds of all members</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/votingtext.cpp" line="58"/>
        <source>At least three fifths of all members</source>
        <translation>At least three fifths of all members</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/votingtext.cpp" line="60"/>
        <source>More than half of the members present (at least two thirds present)</source>
        <translation>More than half of the members present (at least two thirds present)</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/votingtext.cpp" line="62"/>
        <source>More than half of the votes cast (abstentions not counted)</source>
        <translation>More than half of the votes cast (abstentions not counted)</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/votingtext.cpp" line="64"/>
        <source>At least two thirds of the votes cast</source>
        <translation>At least two thirds of the votes cast</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/votingtext.cpp" line="67"/>
        <source>At least %1 of %2</source>
        <translation>At least %1 of %2</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/votingtext.cpp" line="68"/>
        <source>More than %1 of %2</source>
        <translation>More than %1 of %2</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/votingtext.cpp" line="70"/>
        <source>, abstentions counted</source>
        <translation>, abstentions counted</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/votingtext.cpp" line="71"/>
        <source>, abstentions not counted</source>
        <translation>, abstentions not counted</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/votingtext.cpp" line="73"/>
        <source>, by voting weight</source>
        <translation>, by voting weight</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/votingtext.cpp" line="104"/>
        <source>Passed</source>
        <translation>Passed</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/votingtext.cpp" line="106"/>
        <source>Not passed</source>
        <translation>Not passed</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/votingtext.cpp" line="108"/>
        <source>Tie</source>
        <translation>Tie</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/votingtext.cpp" line="110"/>
        <source>Not enough members</source>
        <translation>Not enough members</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/votingtext.cpp" line="112"/>
        <source>Elected: %1</source>
        <translation>Elected: %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/votingtext.cpp" line="114"/>
        <source>Nobody elected</source>
        <translation>Nobody elected</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/votingtext.cpp" line="124"/>
        <source>Only %1 of %2 members were present: nothing was decided.</source>
        <translation>Only %1 of %2 members were present: nothing was decided.</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/votingtext.cpp" line="129"/>
        <source>%1 in favour of %2; %3 needed to pass.</source>
        <translation>%1 in favour of %2; %3 needed to pass.</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/votingtext.cpp" line="134"/>
        <source>Two or more candidates share the lead with %1 of %2; %3 needed.</source>
        <translation>Two or more candidates share the lead with %1 of %2; %3 needed.</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/votingtext.cpp" line="138"/>
        <source>The leader has %1 of %2; %3 needed to be elected.</source>
        <translation>The leader has %1 of %2; %3 needed to be elected.</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/votingtext.cpp" line="148"/>
        <source>Prepared</source>
        <translation>Prepared</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/votingtext.cpp" line="150"/>
        <source>Voting now</source>
        <translation>Voting now</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/votingtext.cpp" line="152"/>
        <source>Closed</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/votingtext.cpp" line="154"/>
        <source>Published</source>
        <translation>Published</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/votingtext.cpp" line="168"/>
        <source>You take part without a vote.</source>
        <translation>You take part without a vote.</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/votingtext.cpp" line="170"/>
        <source>You gave your proxy to %1; they vote for you.</source>
        <translation>You gave your proxy to %1; they vote for you.</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/votingtext.cpp" line="173"/>
        <source>Check in to vote.</source>
        <translation>Check in to vote.</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/votingtext.cpp" line="184"/>
        <source>Voting had already closed; this ballot was not counted.</source>
        <translation>Voting had already closed; this ballot was not counted.</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/votingtext.cpp" line="186"/>
        <source>This vote does not allow changing a ballot; the first ballot stands.</source>
        <translation>This vote does not allow changing a ballot; the first ballot stands.</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/votingtext.cpp" line="187"/>
        <source>A ballot for this delegate was already cast from another device.</source>
        <translation>A ballot for this delegate was already cast from another device.</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/votingtext.cpp" line="191"/>
        <source>Check in first: only delegates present can vote.</source>
        <translation>Check in first: only delegates present can vote.</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/votingtext.cpp" line="175"/>
        <location filename="../../kiosk/common/votingtext.cpp" line="192"/>
        <source>This tablet no longer holds that proxy.</source>
        <translation>This tablet no longer holds that proxy.</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/votingtext.cpp" line="193"/>
        <source>You may not vote in this poll (a proxy given, or no vote).</source>
        <translation>You may not vote in this poll (a proxy given, or no vote).</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/votingtext.cpp" line="196"/>
        <source>This vote no longer exists.</source>
        <translation>This vote no longer exists.</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/votingtext.cpp" line="198"/>
        <source>That choice is not on the ballot.</source>
        <translation>That choice is not on the ballot.</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/votingtext.cpp" line="199"/>
        <source>The server refused the ballot: %1</source>
        <translation>The server refused the ballot: %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/votingtext.cpp" line="206"/>
        <source>%1%</source>
        <translation>%1%</translation>
    </message>
</context>
<context>
    <name>chamber::kiosk::AnnotationBackup</name>
    <message>
        <location filename="../../kiosk/client/annotationbackup.cpp" line="45"/>
        <source>Only a delegate&apos;s tablet that has joined can back up notes.</source>
        <translation>Only a delegate&apos;s tablet that has joined can back up notes.</translation>
    </message>
    <message>
        <location filename="../../kiosk/client/annotationbackup.cpp" line="53"/>
        <source>Choose a passphrase of at least 6 characters.</source>
        <translation>Choose a passphrase of at least 6 characters.</translation>
    </message>
    <message>
        <location filename="../../kiosk/client/annotationbackup.cpp" line="68"/>
        <source>The server did not keep the backup (%1).</source>
        <translation>The server did not keep the backup (%1).</translation>
    </message>
    <message>
        <location filename="../../kiosk/client/annotationbackup.cpp" line="69"/>
        <location filename="../../kiosk/client/annotationbackup.cpp" line="91"/>
        <source>The server cannot be reached; try again later.</source>
        <translation>The server cannot be reached; try again later.</translation>
    </message>
    <message>
        <location filename="../../kiosk/client/annotationbackup.cpp" line="76"/>
        <source>Only a delegate&apos;s tablet that has joined can restore notes.</source>
        <translation>Only a delegate&apos;s tablet that has joined can restore notes.</translation>
    </message>
    <message>
        <location filename="../../kiosk/client/annotationbackup.cpp" line="85"/>
        <source>There is no backup of your notes on this document.</source>
        <translation>There is no backup of your notes on this document.</translation>
    </message>
    <message>
        <location filename="../../kiosk/client/annotationbackup.cpp" line="90"/>
        <source>The server did not give the backup (%1).</source>
        <translation>The server did not give the backup (%1).</translation>
    </message>
    <message>
        <location filename="../../kiosk/client/annotationbackup.cpp" line="97"/>
        <source>Wrong passphrase, or the backup is damaged.</source>
        <translation>Wrong passphrase, or the backup is damaged.</translation>
    </message>
    <message>
        <location filename="../../kiosk/client/annotationbackup.cpp" line="103"/>
        <source>The backup could not be read.</source>
        <translation>The backup could not be read.</translation>
    </message>
</context>
<context>
    <name>chamber::kiosk::AnnotationSet</name>
    <message>
        <location filename="../../kiosk/documents/annotationset.cpp" line="101"/>
        <source>Your earlier notes on this document could not be read.</source>
        <translation>Your earlier notes on this document could not be read.</translation>
    </message>
    <message>
        <location filename="../../kiosk/documents/annotationset.cpp" line="113"/>
        <source>Your notes could not be saved on this tablet.</source>
        <translation>Your notes could not be saved on this tablet.</translation>
    </message>
</context>
<context>
    <name>chamber::kiosk::BoardState</name>
    <message>
        <location filename="../../kiosk/board/boardstate.cpp" line="112"/>
        <location filename="../../kiosk/board/boardstate.cpp" line="138"/>
        <source>The board needs the connection to the server.</source>
        <translation>The board needs the connection to the server.</translation>
    </message>
    <message>
        <location filename="../../kiosk/board/boardstate.cpp" line="153"/>
        <source>This device may not read the board.</source>
        <translation>This device may not read the board.</translation>
    </message>
    <message>
        <location filename="../../kiosk/board/boardstate.cpp" line="155"/>
        <source>This meeting belongs to no council: there is no board to show.</source>
        <translation>This meeting belongs to no council: there is no board to show.</translation>
    </message>
    <message>
        <location filename="../../kiosk/board/boardstate.cpp" line="156"/>
        <source>The server refused the board: %1</source>
        <translation>The server refused the board: %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/board/boardstate.cpp" line="162"/>
        <source>The server sent a board this screen cannot read.</source>
        <translation>The server sent a board this screen cannot read.</translation>
    </message>
    <message>
        <location filename="../../kiosk/board/boardstate.cpp" line="284"/>
        <source>The server refused the history: %1</source>
        <translation>The server refused the history: %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/board/boardstate.cpp" line="289"/>
        <source>The history needs the connection to the server.</source>
        <translation>The history needs the connection to the server.</translation>
    </message>
</context>
<context>
    <name>chamber::kiosk::Connection</name>
    <message>
        <location filename="../../kiosk/client/connection.cpp" line="38"/>
        <source>The server presents a different key than the one this device joined; not connecting.</source>
        <translation>The server presents a different key than the one this device joined; not connecting.</translation>
    </message>
    <message>
        <location filename="../../kiosk/client/connection.cpp" line="56"/>
        <source>The server stopped answering.</source>
        <translation>The server stopped answering.</translation>
    </message>
    <message>
        <location filename="../../kiosk/client/connection.cpp" line="243"/>
        <source>This device was removed from the meeting by the secretary.</source>
        <translation>This device was removed from the meeting by the secretary.</translation>
    </message>
    <message>
        <location filename="../../kiosk/client/connection.cpp" line="246"/>
        <source>The server is restarting.</source>
        <translation>The server is restarting.</translation>
    </message>
    <message>
        <location filename="../../kiosk/client/connection.cpp" line="264"/>
        <source>The server no longer accepts this device. Join again with a new QR code.</source>
        <translation>The server no longer accepts this device. Join again with a new QR code.</translation>
    </message>
</context>
<context>
    <name>chamber::kiosk::DocumentDownloader</name>
    <message>
        <location filename="../../kiosk/client/documentdownloader.cpp" line="186"/>
        <location filename="../../kiosk/client/documentdownloader.cpp" line="283"/>
        <source>The document cannot be saved on this device: %1</source>
        <translation>The document cannot be saved on this device: %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/client/documentdownloader.cpp" line="314"/>
        <source>The server does not give this document to this device.</source>
        <translation>The server does not give this document to this device.</translation>
    </message>
    <message>
        <location filename="../../kiosk/client/documentdownloader.cpp" line="322"/>
        <source>The server answered %1.</source>
        <translation>The server answered %1.</translation>
    </message>
    <message>
        <location filename="../../kiosk/client/documentdownloader.cpp" line="329"/>
        <source>The download stopped early.</source>
        <translation>The download stopped early.</translation>
    </message>
    <message>
        <location filename="../../kiosk/client/documentdownloader.cpp" line="349"/>
        <source>The copies received are damaged.</source>
        <translation>The copies received are damaged.</translation>
    </message>
</context>
<context>
    <name>chamber::kiosk::Enroller</name>
    <message>
        <location filename="../../kiosk/client/enroller.cpp" line="16"/>
        <source>The server did not answer. Check the network and try again.</source>
        <translation>The server did not answer. Check the network and try again.</translation>
    </message>
    <message>
        <location filename="../../kiosk/client/enroller.cpp" line="37"/>
        <source>This join code was already used. Ask the secretary for a new one.</source>
        <translation>This join code was already used. Ask the secretary for a new one.</translation>
    </message>
    <message>
        <location filename="../../kiosk/client/enroller.cpp" line="39"/>
        <source>This join code has expired. Ask the secretary for a new one.</source>
        <translation>This join code has expired. Ask the secretary for a new one.</translation>
    </message>
    <message>
        <location filename="../../kiosk/client/enroller.cpp" line="41"/>
        <source>This join code is not valid for this server.</source>
        <translation>This join code is not valid for this server.</translation>
    </message>
    <message>
        <location filename="../../kiosk/client/enroller.cpp" line="57"/>
        <source>The server&apos;s answer was incomplete.</source>
        <translation>The server&apos;s answer was incomplete.</translation>
    </message>
    <message>
        <location filename="../../kiosk/client/enroller.cpp" line="67"/>
        <source>The server&apos;s key does not match the QR code. It may not be the meeting&apos;s server.</source>
        <translation>The server&apos;s key does not match the QR code. It may not be the meeting&apos;s server.</translation>
    </message>
    <message>
        <location filename="../../kiosk/client/enroller.cpp" line="69"/>
        <source>Could not reach the meeting server (%1).</source>
        <translation>Could not reach the meeting server (%1).</translation>
    </message>
</context>
<context>
    <name>chamber::kiosk::KioskState</name>
    <message>
        <location filename="../../kiosk/common/kioskstate.cpp" line="379"/>
        <source>This code needs a newer version of Chamber.</source>
        <translation>This code needs a newer version of Chamber.</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/kioskstate.cpp" line="381"/>
        <source>This QR code is not a Chamber join code.</source>
        <translation>This QR code is not a Chamber join code.</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/kioskstate.cpp" line="382"/>
        <source>This join code is damaged. Ask the secretary for a new one.</source>
        <translation>This join code is damaged. Ask the secretary for a new one.</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/kioskstate.cpp" line="462"/>
        <source>The phone link needs the connection to the server.</source>
        <translation>The phone link needs the connection to the server.</translation>
    </message>
</context>
<context>
    <name>chamber::kiosk::MinutesState</name>
    <message>
        <location filename="../../kiosk/common/minutesstate.cpp" line="64"/>
        <source>That is not a recording of this meeting.</source>
        <translation>That is not a recording of this meeting.</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/minutesstate.cpp" line="115"/>
        <source>The server&apos;s minutes could not be read: %1</source>
        <translation>The server&apos;s minutes could not be read: %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/minutesstate.cpp" line="128"/>
        <source>Draft minutes (English)</source>
        <translation>Draft minutes (English)</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/minutesstate.cpp" line="129"/>
        <source>Draft minutes (Vietnamese)</source>
        <translation>Draft minutes (Vietnamese)</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/minutesstate.cpp" line="148"/>
        <source>This console may not read the minutes.</source>
        <translation>This console may not read the minutes.</translation>
    </message>
</context>
<context>
    <name>chamber::kiosk::ServerFetch</name>
    <message>
        <location filename="../../kiosk/client/serverfetch.cpp" line="51"/>
        <source>This screen has not joined a meeting.</source>
        <translation>This screen has not joined a meeting.</translation>
    </message>
    <message>
        <location filename="../../kiosk/client/serverfetch.cpp" line="55"/>
        <location filename="../../kiosk/client/serverfetch.cpp" line="65"/>
        <location filename="../../kiosk/client/serverfetch.cpp" line="128"/>
        <location filename="../../kiosk/client/serverfetch.cpp" line="145"/>
        <location filename="../../kiosk/client/serverfetch.cpp" line="151"/>
        <source>The kiosk cannot write its cache (%1).</source>
        <translation>The kiosk cannot write its cache (%1).</translation>
    </message>
    <message>
        <location filename="../../kiosk/client/serverfetch.cpp" line="127"/>
        <source>The server sent more than %1 MB.</source>
        <translation>The server sent more than %1 MB.</translation>
    </message>
    <message>
        <location filename="../../kiosk/client/serverfetch.cpp" line="132"/>
        <source>The server cannot be reached (%1).</source>
        <translation>The server cannot be reached (%1).</translation>
    </message>
    <message>
        <location filename="../../kiosk/client/serverfetch.cpp" line="136"/>
        <source>The server refused (HTTP %1).</source>
        <translation>The server refused (HTTP %1).</translation>
    </message>
    <message>
        <location filename="../../kiosk/client/serverfetch.cpp" line="141"/>
        <source>The file arrived damaged (its SHA-256 does not match).</source>
        <translation>The file arrived damaged (its SHA-256 does not match).</translation>
    </message>
</context>
<context>
    <name>chamber::kiosk::SpeakingState</name>
    <message>
        <location filename="../../kiosk/common/speakingstate.cpp" line="110"/>
        <source>Remote site %1</source>
        <translation>Remote site %1</translation>
    </message>
</context>
<context>
    <name>chamber::kiosk::TaskHistoryModel</name>
    <message>
        <location filename="../../kiosk/board/taskhistorymodel.cpp" line="106"/>
        <source>not started</source>
        <translation>not started</translation>
    </message>
    <message>
        <location filename="../../kiosk/board/taskhistorymodel.cpp" line="108"/>
        <source>in progress</source>
        <translation>in progress</translation>
    </message>
    <message>
        <location filename="../../kiosk/board/taskhistorymodel.cpp" line="110"/>
        <source>done</source>
        <translation>done</translation>
    </message>
    <message>
        <location filename="../../kiosk/board/taskhistorymodel.cpp" line="112"/>
        <source>cancelled</source>
        <translation>cancelled</translation>
    </message>
    <message>
        <location filename="../../kiosk/board/taskhistorymodel.cpp" line="119"/>
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <location filename="../../kiosk/board/taskhistorymodel.cpp" line="121"/>
        <source>Data migration</source>
        <translation>Data migration</translation>
    </message>
    <message>
        <location filename="../../kiosk/board/taskhistorymodel.cpp" line="125"/>
        <source>Device %1</source>
        <translation>Device %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/board/taskhistorymodel.cpp" line="133"/>
        <source>Created for %1, due %2</source>
        <translation>Created for %1, due %2</translation>
    </message>
    <message>
        <location filename="../../kiosk/board/taskhistorymodel.cpp" line="137"/>
        <source>Status: %1 → %2</source>
        <translation>Status: %1 → %2</translation>
    </message>
    <message>
        <location filename="../../kiosk/board/taskhistorymodel.cpp" line="146"/>
        <source>Note: %1</source>
        <translation>Note: %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/board/taskhistorymodel.cpp" line="147"/>
        <source>Note: %1 (attached: %2)</source>
        <translation>Note: %1 (attached: %2)</translation>
    </message>
    <message>
        <location filename="../../kiosk/board/taskhistorymodel.cpp" line="150"/>
        <source>Reassigned from %1 to %2</source>
        <translation>Reassigned from %1 to %2</translation>
    </message>
    <message>
        <location filename="../../kiosk/board/taskhistorymodel.cpp" line="154"/>
        <source>Deadline moved from %1 to %2</source>
        <translation>Deadline moved from %1 to %2</translation>
    </message>
</context>
</TS>

<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name />
    <message numerus="yes">
        <source>%n years old</source>
        <translation>
            <numerusform>%n year old</numerusform><numerusform>%n years old</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n minutes before</source>
        <translation>
            <numerusform>%n minute before</numerusform><numerusform>%n minutes before</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>in %n minutes</source>
        <translation>
            <numerusform>in %n minute</numerusform><numerusform>in %n minutes</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>in %n hours</source>
        <translation>
            <numerusform>in %n hour</numerusform><numerusform>in %n hours</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>in %n days</source>
        <translation>
            <numerusform>in %n day</numerusform><numerusform>in %n days</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Talked at {done} of the last %n check-ins</source>
        <translation>
            <numerusform>Talked at {done} of the last check-in</numerusform><numerusform>Talked at {done} of the last %n check-ins</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n weekly check-ins with {names} were missed — start one now?</source>
        <translation>
            <numerusform>A weekly check-in with {names} was missed — start one now?</numerusform><numerusform>%n weekly check-ins with {names} were missed — start one now?</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n weekly check-ins with {names} were missed. Start one now?</source>
        <translation>
            <numerusform>A weekly check-in with {names} was missed. Start one now?</numerusform><numerusform>%n weekly check-ins with {names} were missed. Start one now?</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n weekly check-ins were missed. Start one now?</source>
        <translation>
            <numerusform>A weekly check-in was missed. Start one now?</numerusform><numerusform>%n weekly check-ins were missed. Start one now?</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n week</source>
        <translation>
            <numerusform>%n week</numerusform><numerusform>%n week</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n weeks</source>
        <translation>
            <numerusform>%n week</numerusform><numerusform>%n weeks</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>you noted a sign of this %n days ago</source>
        <translation>
            <numerusform>you noted a sign of this %n day ago</numerusform><numerusform>you noted a sign of this %n days ago</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>you noted a sign of “{category}” %n days ago</source>
        <translation>
            <numerusform>you noted a sign of “{category}” %n day ago</numerusform><numerusform>you noted a sign of “{category}” %n days ago</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>not talked about for a week</source>
        <translation>
            <numerusform>not talked about for a week</numerusform><numerusform>not talked about for a week</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>not talked about for %n weeks</source>
        <translation>
            <numerusform>not talked about for %n week</numerusform><numerusform>not talked about for %n weeks</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>a core topic, every %n weeks</source>
        <translation>
            <numerusform>a core topic, every week</numerusform><numerusform>a core topic, every %n weeks</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>With these numbers it would have fired %n times in the last {weeks} weeks for {name}</source>
        <translation>
            <numerusform>With these numbers it would have fired once in the last {weeks} weeks for {name}</numerusform><numerusform>With these numbers it would have fired %n times in the last {weeks} weeks for {name}</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n entries, on {date}</source>
        <translation>
            <numerusform>%n entry, on {date}</numerusform><numerusform>%n entries, on {date}</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n entries, from {first} to {last}</source>
        <translation>
            <numerusform>%n entry, from {first} to {last}</numerusform><numerusform>%n entries, from {first} to {last}</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n recently deleted</source>
        <translation>
            <numerusform>%n recently deleted</numerusform><numerusform>%n recently deleted</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n entries match</source>
        <translation>
            <numerusform>%n entry matches</numerusform><numerusform>%n entries match</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n entries</source>
        <translation>
            <numerusform>%n entry</numerusform><numerusform>%n entries</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Nothing recently deleted. Entries you delete wait here for %n days, so you can bring them back.</source>
        <translation>
            <numerusform>Nothing recently deleted. Entries you delete wait here for %n day, so you can bring them back.</numerusform><numerusform>Nothing recently deleted. Entries you delete wait here for %n days, so you can bring them back.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n check-ins done</source>
        <translation>
            <numerusform>%n check-in done</numerusform><numerusform>%n check-ins done</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n talks</source>
        <translation>
            <numerusform>%n talk</numerusform><numerusform>%n talks</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n talk held</source>
        <translation>
            <numerusform>%n talk held</numerusform><numerusform>%n talk held</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n talks held</source>
        <translation>
            <numerusform>%n talk held</numerusform><numerusform>%n talks held</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>refusal line practised in %n week</source>
        <translation>
            <numerusform>refusal line practised in %n week</numerusform><numerusform>refusal line practised in %n week</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>refusal line practised in %n weeks</source>
        <translation>
            <numerusform>refusal line practised in %n week</numerusform><numerusform>refusal line practised in %n weeks</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Done %n time</source>
        <translation>
            <numerusform>Done %n time</numerusform><numerusform>Done %n time</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Done %n times</source>
        <translation>
            <numerusform>Done %n time</numerusform><numerusform>Done %n times</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Week of {day}: %n sign</source>
        <translation>
            <numerusform>Week of {day}: %n sign</numerusform><numerusform>Week of {day}: %n sign</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Week of {day}: %n signs</source>
        <translation>
            <numerusform>Week of {day}: %n sign</numerusform><numerusform>Week of {day}: %n signs</numerusform></translation>
    </message>
</context>
<context>
    <name>EntryDetail</name>
    <message numerus="yes">
        <source>Changed %n times since it was first noted.</source>
        <translation>
            <numerusform>Changed once since it was first noted.</numerusform><numerusform>Changed %n times since it was first noted.</numerusform></translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message numerus="yes">
        <source>%n of {listed} entries ticked.</source>
        <translation>
            <numerusform>%n of {listed} entries ticked.</numerusform><numerusform>%n of {listed} entries ticked.</numerusform></translation>
    </message>
</context>
<context>
    <name>FamilyPage</name>
    <message numerus="yes">
        <source>Show archived children (%n)</source>
        <translation>
            <numerusform>Show archived children (%n)</numerusform><numerusform>Show archived children (%n)</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>in %n minutes</source>
        <translation>
            <numerusform>in %n minute</numerusform><numerusform>in %n minutes</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>in %n hours</source>
        <translation>
            <numerusform>in %n hour</numerusform><numerusform>in %n hours</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>in %n days</source>
        <translation>
            <numerusform>in %n day</numerusform><numerusform>in %n days</numerusform></translation>
    </message>
</context>
<context>
    <name>FamilySection</name>
    <message numerus="yes">
        <source>{name} · check-ins led: %n</source>
        <translation>
            <numerusform>{name} · check-ins led: %n</numerusform><numerusform>{name} · check-ins led: %n</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Check-ins led by {name}: %n. They stay as they are, with nobody named to lead them.</source>
        <translation>
            <numerusform>Check-ins led by {name}: %n. They stay as they are, with nobody named to lead them.</numerusform><numerusform>Check-ins led by {name}: %n. They stay as they are, with nobody named to lead them.</numerusform></translation>
    </message>
</context>
<context>
    <name>InboxBanner</name>
    <message numerus="yes">
        <source>%n notes written while locked — review them and choose the child.</source>
        <translation>
            <numerusform>%n note written while locked — review it and choose the child.</numerusform><numerusform>%n notes written while locked — review them and choose the child.</numerusform></translation>
    </message>
</context>
<context>
    <name>JournalPage</name>
    <message numerus="yes">
        <source>Moved to Recently deleted. You can bring it back for %n days.</source>
        <translation>
            <numerusform>Moved to Recently deleted. You can bring it back for %n day.</numerusform><numerusform>Moved to Recently deleted. You can bring it back for %n days.</numerusform></translation>
    </message>
</context>
<context>
    <name>PatternCard</name>
    <message numerus="yes">
        <source>%n patterns worth a calm talk: show them</source>
        <translation>
            <numerusform>%n pattern worth a calm talk: show it</numerusform><numerusform>%n patterns worth a calm talk: show them</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Show %n more patterns</source>
        <translation>
            <numerusform>Show %n more pattern</numerusform><numerusform>Show %n more patterns</numerusform></translation>
    </message>
</context>
<context>
    <name>PlansPage</name>
    <message numerus="yes">
        <source>Show ended plans (%n)</source>
        <translation>
            <numerusform>Show ended plans (%n)</numerusform><numerusform>Show ended plans (%n)</numerusform></translation>
    </message>
</context>
<context>
    <name>ReportView</name>
    <message numerus="yes">
        <source>Done %n times</source>
        <translation>
            <numerusform>Done %n time</numerusform><numerusform>Done %n times</numerusform></translation>
    </message>
</context>
<context>
    <name>SignPicker</name>
    <message numerus="yes">
        <source>%n ticked</source>
        <translation>
            <numerusform>%n ticked</numerusform><numerusform>%n ticked</numerusform></translation>
    </message>
</context>
<context>
    <name>StartersTab</name>
    <message numerus="yes">
        <source>%n conversation starter</source>
        <translation>
            <numerusform>%n conversation starter</numerusform><numerusform>%n conversation starter</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n conversation starters</source>
        <translation>
            <numerusform>%n conversation starter</numerusform><numerusform>%n conversation starters</numerusform></translation>
    </message>
</context>
<context>
    <name>TrendsPanel</name>
    <message numerus="yes">
        <source>Last %n weeks</source>
        <translation>
            <numerusform>Last %n week</numerusform><numerusform>Last %n weeks</numerusform></translation>
    </message>
</context>
</TS>
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
</TS>
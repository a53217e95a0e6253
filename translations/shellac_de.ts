<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>QObject</name>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>reading</source>
        <translation>lesen</translation>
    </message>
    <message>
        <source>contains no audio (0 frames)</source>
        <translation>enthält kein Audio (0 Frames)</translation>
    </message>
    <message>
        <source>damaged %1 file: the header is truncated or corrupt (%2)</source>
        <translation>beschädigte %1-Datei: der Dateikopf ist abgeschnitten oder defekt (%2)</translation>
    </message>
    <message>
        <source>not an audio file: it contains text, not audio data</source>
        <translation>keine Audiodatei: sie enthält Text, keine Audiodaten</translation>
    </message>
    <message>
        <source>not a recognised audio format (%1)</source>
        <translation>kein bekanntes Audioformat (%1)</translation>
    </message>
    <message>
        <source>no file name given</source>
        <translation>kein Dateiname angegeben</translation>
    </message>
    <message>
        <source>file does not exist</source>
        <translation>Datei existiert nicht</translation>
    </message>
    <message>
        <source>is a folder, not an audio file</source>
        <translation>ist ein Ordner, keine Audiodatei</translation>
    </message>
    <message>
        <source>is not a regular file</source>
        <translation>ist keine reguläre Datei</translation>
    </message>
    <message>
        <source>permission denied: the file is not readable</source>
        <translation>Zugriff verweigert: die Datei ist nicht lesbar</translation>
    </message>
    <message>
        <source>file is empty (0 bytes)</source>
        <translation>Datei ist leer (0 Bytes)</translation>
    </message>
    <message>
        <source>unsupported sample rate %1 Hz (Shellac supports %2–%3 Hz)</source>
        <translation>nicht unterstützte Abtastrate %1 Hz (Shellac unterstützt %2–%3 Hz)</translation>
    </message>
    <message>
        <source>unsupported channel count %1 (Shellac supports 1–%2 channels)</source>
        <translation>nicht unterstützte Kanalzahl %1 (Shellac unterstützt 1–%2 Kanäle)</translation>
    </message>
    <message>
        <source>read error at frame %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>contains an invalid sample (NaN or infinity) at %1 (frame %2, channel %3)</source>
        <translation>enthält einen ungültigen Abtastwert (NaN oder unendlich) bei %1 (Frame %2, Kanal %3)</translation>
    </message>
    <message>
        <source>cannot seek to frame %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no output file name given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>output folder %1 does not exist</source>
        <translation>Ausgabeordner %1 existiert nicht</translation>
    </message>
    <message>
        <source>%1 is not a folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>output folder %1 is not writable (permission denied)</source>
        <translation>Ausgabeordner %1 ist nicht beschreibbar (Zugriff verweigert)</translation>
    </message>
    <message>
        <source>is a folder; give a file name for the output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>already exists (use --force to overwrite it)</source>
        <translation>existiert bereits (mit --force überschreiben)</translation>
    </message>
    <message>
        <source>unknown output format &apos;.%1&apos; (use %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unsupported output sample rate %1 Hz (Shellac supports %2–%3 Hz)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unsupported output channel count %1 (Shellac supports 1–%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 files cannot store %2 samples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot create a temporary file in %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 cannot be written at %3 Hz with %4 channels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write the output (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>write after the file was finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>block has %1 channels, the file %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>write failed after %1 frames (%2); is the disk full?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file was already finished or discarded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot move the finished file into place (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid resampling request: %1 Hz -&gt; %2 Hz, %3 channels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot create the resampler (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>resampling failed (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is the input file; Shellac never overwrites an original, choose another output name</source>
        <translation>ist die Eingabedatei; Shellac überschreibt nie ein Original, bitte einen anderen Ausgabenamen wählen</translation>
    </message>
    <message>
        <source>processing</source>
        <translation>verarbeiten</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Restoration workstation for 78 rpm gramophone transfers.</source>
        <translation>Restaurierungsarbeitsplatz für Überspielungen von 78er-Schellackplatten.</translation>
    </message>
    <message>
        <source>Recordings or folders to open.</source>
        <translation>Aufnahmen oder Ordner, die geöffnet werden sollen.</translation>
    </message>
</context>
<context>
    <name>shellac::ui::FileListModel</name>
    <message>
        <source>%1 Hz</source>
        <translation>%1 Hz</translation>
    </message>
    <message>
        <source>reading…</source>
        <translation>wird gelesen…</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>bereit</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>Kanäle</translation>
    </message>
    <message>
        <source>Sample rate</source>
        <translation>Abtastrate</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>shellac::ui::MainWindow</name>
    <message>
        <source>&lt;h2&gt;Drop recordings here&lt;/h2&gt;&lt;p&gt;WAV, FLAC, Ogg Vorbis or AIFF files, or whole folders of them.&lt;br&gt;Or use File ▸ Open (Ctrl+O). Your originals are never modified.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Aufnahmen hierher ziehen&lt;/h2&gt;&lt;p&gt;WAV-, FLAC-, Ogg-Vorbis- oder AIFF-Dateien oder ganze Ordner davon.&lt;br&gt;Oder Datei ▸ Öffnen (Strg+O). Ihre Originale werden nie verändert.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>Ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Shellac</source>
        <translation>Über &amp;Shellac</translation>
    </message>
    <message numerus="yes">
        <source>Opening %n file(s)…</source>
        <translation>
            <numerusform>Öffne %n Datei…</numerusform>
            <numerusform>Öffne %n Dateien…</numerusform>
        </translation>
    </message>
    <message>
        <source>Audio files (%1);;All files (*)</source>
        <translation>Audiodateien (%1);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Open recordings</source>
        <translation>Aufnahmen öffnen</translation>
    </message>
    <message>
        <source>About Shellac</source>
        <translation>Über Shellac</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Shellac %1&lt;/h3&gt;&lt;p&gt;Restoration workstation for 78 rpm gramophone transfers.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Shellac %1&lt;/h3&gt;&lt;p&gt;Restaurierungsarbeitsplatz für Überspielungen von 78er-Schellackplatten.&lt;/p&gt;</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) open</source>
        <translation>
            <numerusform>%n Datei geöffnet</numerusform>
            <numerusform>%n Dateien geöffnet</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n could not be read (see the Status column)</source>
        <translation>
            <numerusform>%n konnte nicht gelesen werden (siehe Spalte Status)</numerusform>
            <numerusform>%n konnten nicht gelesen werden (siehe Spalte Status)</numerusform>
        </translation>
    </message>
</context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>DatasetAnalysis</name>
    <message numerus="yes">
        <source>None of the %n degraded file(s) could be analysed; the first: %1</source>
        <translation>
            <numerusform>Die %n beschädigte Datei konnte nicht analysiert werden: %1</numerusform>
            <numerusform>Keine der %n beschädigten Dateien konnte analysiert werden; die erste: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Measured on %n real transfer(s)</source>
        <translation>
            <numerusform>Gemessen an %n echten Überspielung</numerusform>
            <numerusform>Gemessen an %n echten Überspielungen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DatasetScan</name>
    <message numerus="yes">
        <source>none of its %n audio file(s) can be read</source>
        <translation>
            <numerusform>seine %n Audiodatei ist nicht lesbar</numerusform>
            <numerusform>keine seiner %n Audiodateien ist lesbar</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NoiseProfile</name>
    <message>
        <source>noise range %1–%2 s</source>
        <translation>Rauschbereich %1–%2 s</translation>
    </message>
    <message>
        <source>must start at 0 s or later and end after it starts</source>
        <translation>muss bei 0 s oder später beginnen und nach seinem Beginn enden</translation>
    </message>
    <message>
        <source>lies outside the recording, which is %1 s long</source>
        <translation>liegt außerhalb der Aufnahme, die %1 s lang ist</translation>
    </message>
</context>
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
        <translation>Lesefehler bei Frame %1 (%2)</translation>
    </message>
    <message>
        <source>contains an invalid sample (NaN or infinity) at %1 (frame %2, channel %3)</source>
        <translation>enthält einen ungültigen Abtastwert (NaN oder unendlich) bei %1 (Frame %2, Kanal %3)</translation>
    </message>
    <message>
        <source>cannot seek to frame %1</source>
        <translation>Frame %1 kann nicht angesprungen werden</translation>
    </message>
    <message>
        <source>no output file name given</source>
        <translation>kein Ausgabedateiname angegeben</translation>
    </message>
    <message>
        <source>output folder %1 does not exist</source>
        <translation>Ausgabeordner %1 existiert nicht</translation>
    </message>
    <message>
        <source>%1 is not a folder</source>
        <translation>%1 ist kein Ordner</translation>
    </message>
    <message>
        <source>output folder %1 is not writable (permission denied)</source>
        <translation>Ausgabeordner %1 ist nicht beschreibbar (Zugriff verweigert)</translation>
    </message>
    <message>
        <source>is a folder; give a file name for the output</source>
        <translation>ist ein Ordner; bitte einen Dateinamen für die Ausgabe angeben</translation>
    </message>
    <message>
        <source>already exists (use --force to overwrite it)</source>
        <translation>existiert bereits (mit --force überschreiben)</translation>
    </message>
    <message>
        <source>unknown output format &apos;.%1&apos; (use %2)</source>
        <translation>unbekanntes Ausgabeformat „.%1“ (%2 verwenden)</translation>
    </message>
    <message>
        <source>unsupported output sample rate %1 Hz (Shellac supports %2–%3 Hz)</source>
        <translation>nicht unterstützte Ausgabe-Abtastrate %1 Hz (Shellac unterstützt %2–%3 Hz)</translation>
    </message>
    <message>
        <source>unsupported output channel count %1 (Shellac supports 1–%2)</source>
        <translation>nicht unterstützte Ausgabe-Kanalzahl %1 (Shellac unterstützt 1–%2)</translation>
    </message>
    <message>
        <source>%1 files cannot store %2 samples</source>
        <translation>%1-Dateien können keine %2-Abtastwerte speichern</translation>
    </message>
    <message>
        <source>cannot create a temporary file in %1 (%2)</source>
        <translation>in %1 kann keine temporäre Datei angelegt werden (%2)</translation>
    </message>
    <message>
        <source>%1 %2 cannot be written at %3 Hz with %4 channels</source>
        <translation>%1 %2 kann nicht mit %3 Hz und %4 Kanälen geschrieben werden</translation>
    </message>
    <message>
        <source>cannot write the output (%1)</source>
        <translation>die Ausgabe kann nicht geschrieben werden (%1)</translation>
    </message>
    <message>
        <source>write after the file was finished</source>
        <translation>Schreibversuch nach Abschluss der Datei</translation>
    </message>
    <message>
        <source>block has %1 channels, the file %2</source>
        <translation>der Block hat %1 Kanäle, die Datei %2</translation>
    </message>
    <message>
        <source>write failed after %1 frames (%2); is the disk full?</source>
        <translation>Schreiben nach %1 Frames fehlgeschlagen (%2); ist der Datenträger voll?</translation>
    </message>
    <message>
        <source>the file was already finished or discarded</source>
        <translation>die Datei wurde bereits abgeschlossen oder verworfen</translation>
    </message>
    <message>
        <source>cannot move the finished file into place (%1)</source>
        <translation>die fertige Datei kann nicht an ihren Platz verschoben werden (%1)</translation>
    </message>
    <message>
        <source>invalid resampling request: %1 Hz -&gt; %2 Hz, %3 channels</source>
        <translation>ungültige Abtastratenwandlung: %1 Hz -&gt; %2 Hz, %3 Kanäle</translation>
    </message>
    <message>
        <source>cannot create the resampler (%1)</source>
        <translation>der Abtastratenwandler kann nicht angelegt werden (%1)</translation>
    </message>
    <message>
        <source>resampling failed (%1)</source>
        <translation>Abtastratenwandlung fehlgeschlagen (%1)</translation>
    </message>
    <message>
        <source>is the input file; Shellac never overwrites an original, choose another output name</source>
        <translation>ist die Eingabedatei; Shellac überschreibt nie ein Original, bitte einen anderen Ausgabenamen wählen</translation>
    </message>
    <message>
        <source>processing</source>
        <translation>verarbeiten</translation>
    </message>
    <message>
        <source>ends at frame %1, before the %2 frames its header states</source>
        <translation>endet bei Frame %1, vor den %2 Frames, die der Dateikopf angibt</translation>
    </message>
    <message>
        <source>sample rate %1 Hz is outside 8000..192000</source>
        <translation>Abtastrate %1 Hz liegt außerhalb von 8000..192000</translation>
    </message>
    <message>
        <source>%1 channels (1..8 supported)</source>
        <translation>%1 Kanäle (1..8 werden unterstützt)</translation>
    </message>
    <message>
        <source>analysing</source>
        <translation>analysieren</translation>
    </message>
    <message>
        <source>calibrating the click detector</source>
        <translation>den Klickdetektor kalibrieren</translation>
    </message>
    <message>
        <source>analysed</source>
        <translation>analysiert</translation>
    </message>
    <message>
        <source>contains no audio frames</source>
        <translation>enthält keine Audio-Frames</translation>
    </message>
    <message>
        <source>field &quot;%1&quot; %2</source>
        <translation>Feld &quot;%1&quot; %2</translation>
    </message>
    <message>
        <source>must be a finite number</source>
        <translation>muss eine endliche Zahl sein</translation>
    </message>
    <message>
        <source>must be 0 (none) or between %1 and %2, got %3</source>
        <translation>muss 0 (keine) sein oder zwischen %1 und %2 liegen, ist aber %3</translation>
    </message>
    <message>
        <source>must be between %1 and %2, got %3</source>
        <translation>muss zwischen %1 und %2 liegen, ist aber %3</translation>
    </message>
    <message>
        <source>is missing</source>
        <translation>fehlt</translation>
    </message>
    <message>
        <source>must be a number</source>
        <translation>muss eine Zahl sein</translation>
    </message>
    <message>
        <source>must not exceed &quot;impulse_width_max_ms&quot; (%1 &gt; %2)</source>
        <translation>darf &quot;impulse_width_max_ms&quot; nicht überschreiten (%1 &gt; %2)</translation>
    </message>
    <message>
        <source>is not a known field of a degradation profile</source>
        <translation>ist kein bekanntes Feld eines Schadensprofils</translation>
    </message>
    <message>
        <source>must be %1 (the only version this Shellac reads), got %2</source>
        <translation>muss %1 sein (die einzige Version, die dieses Shellac liest), ist aber %2</translation>
    </message>
    <message>
        <source>must be a string</source>
        <translation>muss eine Zeichenkette sein</translation>
    </message>
    <message>
        <source>must be true or false</source>
        <translation>muss true oder false sein</translation>
    </message>
    <message>
        <source>must be a list of numbers (dB re the fundamental)</source>
        <translation>muss eine Liste von Zahlen sein (dB bezogen auf den Grundton)</translation>
    </message>
    <message>
        <source>may hold at most %1 harmonics, got %2</source>
        <translation>darf höchstens %1 Harmonische enthalten, enthält aber %2</translation>
    </message>
    <message>
        <source>must be a list of {&quot;freq_hz&quot;, &quot;gain_db&quot;, &quot;q&quot;} objects</source>
        <translation>muss eine Liste von {&quot;freq_hz&quot;, &quot;gain_db&quot;, &quot;q&quot;}-Objekten sein</translation>
    </message>
    <message>
        <source>may hold at most %1 resonances, got %2</source>
        <translation>darf höchstens %1 Resonanzen enthalten, enthält aber %2</translation>
    </message>
    <message>
        <source>must be an object {&quot;freq_hz&quot;, &quot;gain_db&quot;, &quot;q&quot;}</source>
        <translation>muss ein Objekt {&quot;freq_hz&quot;, &quot;gain_db&quot;, &quot;q&quot;} sein</translation>
    </message>
    <message>
        <source>is not a known field of a horn resonance</source>
        <translation>ist kein bekanntes Feld einer Trichterresonanz</translation>
    </message>
    <message>
        <source>may hold at most %1 harmonics</source>
        <translation>darf höchstens %1 Harmonische enthalten</translation>
    </message>
    <message>
        <source>may hold at most %1 resonances</source>
        <translation>darf höchstens %1 Resonanzen enthalten</translation>
    </message>
    <message>
        <source>profile file does not exist</source>
        <translation>Profildatei existiert nicht</translation>
    </message>
    <message>
        <source>cannot read (%1)</source>
        <translation>nicht lesbar (%1)</translation>
    </message>
    <message>
        <source>not valid JSON: %1 at offset %2</source>
        <translation>kein gültiges JSON: %1 bei Offset %2</translation>
    </message>
    <message>
        <source>expected a JSON object (a degradation profile)</source>
        <translation>JSON-Objekt erwartet (ein Schadensprofil)</translation>
    </message>
    <message>
        <source>cannot write (%1)</source>
        <translation>nicht schreibbar (%1)</translation>
    </message>
    <message>
        <source>unknown degradation preset (choose %1)</source>
        <translation>unbekannte Schadensvorgabe (%1 wählen)</translation>
    </message>
    <message>
        <source>unsupported channel count %1 (Shellac supports 1–%2)</source>
        <translation>nicht unterstützte Kanalzahl %1 (Shellac unterstützt 1–%2)</translation>
    </message>
    <message>
        <source>the recorded noise source is shorter than 0.1 s (%1 frames at %2 Hz)</source>
        <translation>die aufgenommene Rauschquelle ist kürzer als 0,1 s (%1 Frames bei %2 Hz)</translation>
    </message>
    <message>
        <source>the recorded noise source is empty</source>
        <translation>die aufgenommene Rauschquelle ist leer</translation>
    </message>
    <message>
        <source>must be between %1 and %2 (or off), got %3</source>
        <translation>muss zwischen %1 und %2 liegen (oder off), ist aber %3</translation>
    </message>
    <message>
        <source>a noise range only makes sense with dehiss on; drop --dehiss off or --noise-from</source>
        <translation>ein Rauschbereich ist nur mit eingeschaltetem Entrauschen sinnvoll; --dehiss off oder --noise-from weglassen</translation>
    </message>
    <message>
        <source>must be START-END in seconds with 0 &lt;= START &lt; END, got %1-%2</source>
        <translation>muss START-END in Sekunden mit 0 &lt;= START &lt; END sein, ist aber %1-%2</translation>
    </message>
    <message>
        <source>the range %1-%2 s is shorter than 0.1 s, too short for a noise profile</source>
        <translation>der Bereich %1-%2 s ist kürzer als 0,1 s und damit zu kurz für ein Rauschprofil</translation>
    </message>
    <message>
        <source>every restoration step is off; nothing to do</source>
        <translation>alle Restaurierungsschritte sind ausgeschaltet; nichts zu tun</translation>
    </message>
    <message>
        <source>the range %1-%2 s ends after the end of the recording (%3 s)</source>
        <translation>der Bereich %1-%2 s endet nach dem Ende der Aufnahme (%3 s)</translation>
    </message>
    <message>
        <source>spectrogram FFT size %1 is not a power of two in %2–%3</source>
        <translation>Spektrogramm-FFT-Größe %1 ist keine Zweierpotenz im Bereich %2–%3</translation>
    </message>
    <message>
        <source>sample rate %1 Hz differs from %2 (%3 Hz)</source>
        <translation>Abtastrate %1 Hz weicht von %2 ab (%3 Hz)</translation>
    </message>
    <message>
        <source>has %1 channels, %2 has %3</source>
        <translation>hat %1 Kanäle, %2 hat %3</translation>
    </message>
    <message>
        <source>has %1 frames, %2 has %3</source>
        <translation>hat %1 Frames, %2 hat %3</translation>
    </message>
    <message>
        <source>a residual needs the output at the input&apos;s sample rate</source>
        <translation>ein Differenzsignal erfordert die Ausgabe in der Abtastrate der Eingabe</translation>
    </message>
    <message>
        <source>the residual must go to its own file, not the input or the output</source>
        <translation>das Differenzsignal braucht eine eigene Datei, nicht die Eingabe oder die Ausgabe</translation>
    </message>
    <message>
        <source>must be an object</source>
        <translation>muss ein Objekt sein</translation>
    </message>
    <message>
        <source>must be an object of question: answer</source>
        <translation>muss ein Objekt aus Frage: Antwort sein</translation>
    </message>
    <message>
        <source>must be &quot;yes&quot;, &quot;no&quot; or &quot;unanswered&quot;, got %1</source>
        <translation>muss &quot;yes&quot;, &quot;no&quot; oder &quot;unanswered&quot; sein, ist aber %1</translation>
    </message>
    <message>
        <source>a non-string value</source>
        <translation>ein Wert, der keine Zeichenkette ist</translation>
    </message>
    <message>
        <source>must be an ISO 8601 time such as &quot;2026-12-01T09:57:22.123Z&quot;</source>
        <translation>muss eine ISO-8601-Zeit wie &quot;2026-12-01T09:57:22.123Z&quot; sein</translation>
    </message>
    <message>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <source>a boolean</source>
        <translation>ein Wahrheitswert</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>eine Zahl</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>eine Zeichenkette</translation>
    </message>
    <message>
        <source>an array</source>
        <translation>ein Array</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>ein Objekt</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>nicht vorhanden</translation>
    </message>
    <message>
        <source>is missing (expected %1)</source>
        <translation>fehlt (erwartet: %1)</translation>
    </message>
    <message>
        <source>must be %1, got %2</source>
        <translation>muss %1 sein, ist aber %2</translation>
    </message>
    <message>
        <source>must not be empty</source>
        <translation>darf nicht leer sein</translation>
    </message>
    <message>
        <source>a whole number</source>
        <translation>eine ganze Zahl</translation>
    </message>
    <message>
        <source>does not exist</source>
        <translation>existiert nicht</translation>
    </message>
    <message>
        <source>is a folder, not a project file</source>
        <translation>ist ein Ordner, keine Projektdatei</translation>
    </message>
    <message>
        <source>cannot be read (%1)</source>
        <translation>kann nicht gelesen werden (%1)</translation>
    </message>
    <message>
        <source>is empty (0 bytes); it is not a Shellac project</source>
        <translation>ist leer (0 Bytes); es ist kein Shellac-Projekt</translation>
    </message>
    <message>
        <source>is not valid JSON (%1 at line %2, column %3, byte %4); the file was not changed</source>
        <translation>ist kein gültiges JSON (%1 in Zeile %2, Spalte %3, Byte %4); die Datei wurde nicht verändert</translation>
    </message>
    <message>
        <source>is not a Shellac project (the JSON is not an object)</source>
        <translation>ist kein Shellac-Projekt (das JSON ist kein Objekt)</translation>
    </message>
    <message>
        <source>is not a Shellac project (its &quot;format&quot; is &quot;%1&quot;, expected &quot;%2&quot;)</source>
        <translation>ist kein Shellac-Projekt (sein &quot;format&quot; ist &quot;%1&quot;, erwartet: &quot;%2&quot;)</translation>
    </message>
    <message>
        <source>is not a Shellac project (no &quot;format&quot;: &quot;%1&quot;)</source>
        <translation>ist kein Shellac-Projekt (kein &quot;format&quot;: &quot;%1&quot;)</translation>
    </message>
    <message>
        <source>was written by a newer Shellac (project version %1); this version reads up to %2. The file was not changed.</source>
        <translation>wurde von einem neueren Shellac geschrieben (Projektversion %1); diese Version liest bis Version %2. Die Datei wurde nicht verändert.</translation>
    </message>
    <message>
        <source>must be 1 or more, got %1</source>
        <translation>muss 1 oder größer sein, ist aber %1</translation>
    </message>
    <message>
        <source>is not a valid uuid: &quot;%1&quot;</source>
        <translation>ist keine gültige UUID: &quot;%1&quot;</translation>
    </message>
    <message>
        <source>entry %1</source>
        <translation>Eintrag %1</translation>
    </message>
    <message>
        <source>%1 must be an object, got %2</source>
        <translation>%1 muss ein Objekt sein, ist aber %2</translation>
    </message>
    <message>
        <source>%1 (&quot;%2&quot;)</source>
        <translation>%1 („%2“)</translation>
    </message>
    <message>
        <source>must be &quot;new&quot;, &quot;restoring&quot;, &quot;restored&quot; or &quot;checked&quot;, got &quot;%1&quot;</source>
        <translation>muss &quot;new&quot;, &quot;restoring&quot;, &quot;restored&quot; oder &quot;checked&quot; sein, ist aber &quot;%1&quot;</translation>
    </message>
    <message>
        <source>must be an object, got %1</source>
        <translation>muss ein Objekt sein, ist aber %1</translation>
    </message>
    <message>
        <source>must be -1 (the original) or the index of one of its %1 takes, got %2</source>
        <translation>muss -1 (das Original) oder der Index eines seiner %1 Takes sein, ist aber %2</translation>
    </message>
    <message>
        <source>folder %1 does not exist; nothing was written</source>
        <translation>Ordner %1 existiert nicht; es wurde nichts geschrieben</translation>
    </message>
    <message>
        <source>%1 is a file, not a folder; nothing was written</source>
        <translation>%1 ist eine Datei, kein Ordner; es wurde nichts geschrieben</translation>
    </message>
    <message>
        <source>is a folder; give a file name for the project</source>
        <translation>ist ein Ordner; bitte einen Dateinamen für das Projekt angeben</translation>
    </message>
    <message>
        <source>the project has no uuid (use Project::createNew); nothing was written</source>
        <translation>das Projekt hat keine UUID (Project::createNew verwenden); es wurde nichts geschrieben</translation>
    </message>
    <message>
        <source>already exists and is not a project this Shellac can update (%1); it was not replaced</source>
        <translation>existiert bereits und ist kein Projekt, das dieses Shellac aktualisieren kann (%1); die Datei wurde nicht ersetzt</translation>
    </message>
    <message>
        <source>already exists and holds another Shellac project (uuid %1); it was not replaced</source>
        <translation>existiert bereits und enthält ein anderes Shellac-Projekt (UUID %1); die Datei wurde nicht ersetzt</translation>
    </message>
    <message>
        <source>cannot be written (%1); nothing was changed</source>
        <translation>kann nicht geschrieben werden (%1); es wurde nichts verändert</translation>
    </message>
    <message>
        <source>cannot be written (%1); the previous file is unchanged</source>
        <translation>kann nicht geschrieben werden (%1); die bisherige Datei ist unverändert</translation>
    </message>
    <message>
        <source>cannot be written (%1)</source>
        <translation>kann nicht geschrieben werden (%1)</translation>
    </message>
    <message>
        <source>Shellac project report</source>
        <translation>Shellac-Projektbericht</translation>
    </message>
    <message>
        <source>Crackles removed</source>
        <translation>Knistern entfernt</translation>
    </message>
    <message>
        <source>Pops removed</source>
        <translation>Knalle entfernt</translation>
    </message>
    <message>
        <source>Voice quality preserved</source>
        <translation>Stimmqualität erhalten</translation>
    </message>
    <message>
        <source>Natural sound</source>
        <translation>Natürlicher Klang</translation>
    </message>
    <message>
        <source>Generated %1 UTC by Shellac %2</source>
        <translation>Erstellt am %1 UTC von Shellac %2</translation>
    </message>
    <message>
        <source>1 file</source>
        <translation>1 Datei</translation>
    </message>
    <message>
        <source>%1 files</source>
        <translation>%1 Dateien</translation>
    </message>
    <message>
        <source>, %1 checked, %2 with all four answers yes</source>
        <translation>, %1 geprüft, %2 mit allen vier Antworten „Ja“</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>expected a JSON object</source>
        <translation>JSON-Objekt erwartet</translation>
    </message>
    <message>
        <source>folder %1 does not exist</source>
        <translation>Ordner %1 existiert nicht</translation>
    </message>
    <message>
        <source>folder %1 is not writable (permission denied)</source>
        <translation>Ordner %1 ist nicht beschreibbar (Zugriff verweigert)</translation>
    </message>
    <message>
        <source>is a folder; give a file name for the report</source>
        <translation>ist ein Ordner; bitte einen Dateinamen für den Bericht angeben</translation>
    </message>
    <message>
        <source>a click entry is not [channel, start, length]</source>
        <translation>ein Knackser-Eintrag hat nicht die Form [Kanal, Start, Länge]</translation>
    </message>
    <message>
        <source>missing field &quot;impulses&quot; (an array)</source>
        <translation>Feld &quot;impulses&quot; (ein Array) fehlt</translation>
    </message>
    <message>
        <source>impulse %1 lacks &quot;start&quot; or &quot;length&quot;</source>
        <translation>Impuls %1 fehlt &quot;start&quot; oder &quot;length&quot;</translation>
    </message>
    <message>
        <source>expected a number or &quot;off&quot;, got %1</source>
        <translation>erwartet: eine Zahl oder &quot;off&quot;, gefunden: %1</translation>
    </message>
    <message>
        <source> off</source>
        <translation> aus</translation>
    </message>
    <message>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <source>auto</source>
        <translation>automatisch</translation>
    </message>
    <message>
        <source>dehiss</source>
        <translation>Entrauschen</translation>
    </message>
    <message>
        <source> (noise %1–%2 s)</source>
        <translation> (Rauschen %1–%2 s)</translation>
    </message>
    <message>
        <source>declick</source>
        <translation>Entknacksen</translation>
    </message>
    <message>
        <source>decrackle</source>
        <translation>Entknistern</translation>
    </message>
    <message>
        <source>dehum %1</source>
        <translation>Brummfilter %1</translation>
    </message>
    <message>
        <source>rumble</source>
        <translation>Rumpelfilter</translation>
    </message>
    <message>
        <source>default model</source>
        <translation>Standardmodell</translation>
    </message>
    <message>
        <source>%1 · mix %2 %</source>
        <translation>%1 · Anteil %2 %</translation>
    </message>
    <message>
        <source>expected &quot;auto&quot;, &quot;50&quot;, &quot;60&quot; or &quot;off&quot;, got %1</source>
        <translation>erwartet: &quot;auto&quot;, &quot;50&quot;, &quot;60&quot; oder &quot;off&quot;, gefunden: %1</translation>
    </message>
    <message>
        <source>expected [START, END] in seconds, got %1</source>
        <translation>erwartet: [START, END] in Sekunden, gefunden: %1</translation>
    </message>
    <message>
        <source>unknown setting</source>
        <translation>unbekannte Einstellung</translation>
    </message>
    <message>
        <source>a noise range needs dehiss on</source>
        <translation>ein Rauschbereich erfordert eingeschaltetes Entrauschen</translation>
    </message>
    <message>
        <source>must be between 0 and 1, got %1</source>
        <translation>muss zwischen 0 und 1 liegen, ist aber %1</translation>
    </message>
    <message>
        <source>expected a whole number from 1, got %1</source>
        <translation>erwartet: eine ganze Zahl ab 1, gefunden: %1</translation>
    </message>
    <message>
        <source>%1 is newer than this Shellac understands (%2)</source>
        <translation>%1 ist neuer, als dieses Shellac versteht (%2)</translation>
    </message>
    <message>
        <source>expected &quot;dsp&quot;, &quot;neural&quot; or &quot;hybrid&quot;, got %1</source>
        <translation>erwartet: &quot;dsp&quot;, &quot;neural&quot; oder &quot;hybrid&quot;, gefunden: %1</translation>
    </message>
    <message>
        <source>expected an object, got %1</source>
        <translation>erwartet: ein Objekt, gefunden: %1</translation>
    </message>
    <message>
        <source>expected a file path (&quot;&quot; for the default model), got %1</source>
        <translation>erwartet: ein Dateipfad (&quot;&quot; für das Standardmodell), gefunden: %1</translation>
    </message>
    <message>
        <source>expected a number from 0 to 1, got %1</source>
        <translation>erwartet: eine Zahl von 0 bis 1, gefunden: %1</translation>
    </message>
    <message>
        <source>classical: %1</source>
        <translation>klassisch: %1</translation>
    </message>
    <message>
        <source>neural: %1</source>
        <translation>neuronal: %1</translation>
    </message>
    <message>
        <source>hybrid: %1, then %2</source>
        <translation>hybrid: %1, danach %2</translation>
    </message>
    <message>
        <source>ended at frame %1, before the frame %2 its header promised</source>
        <translation>endete bei Frame %1, vor dem im Dateikopf angegebenen Frame %2</translation>
    </message>
    <message>
        <source>the selection %1–%2 (frames) is empty or inverted</source>
        <translation>die Auswahl %1–%2 (Frames) ist leer oder vertauscht</translation>
    </message>
    <message>
        <source>the selection ends at frame %1, after the end of the recording (%2 frames)</source>
        <translation>die Auswahl endet bei Frame %1, nach dem Ende der Aufnahme (%2 Frames)</translation>
    </message>
    <message>
        <source>the selection is %1 s long; a preview restores at most %2 s: use Restore file for longer passages</source>
        <translation>die Auswahl ist %1 s lang; eine Vorschau restauriert höchstens %2 s: für längere Passagen „Datei restaurieren“ verwenden</translation>
    </message>
    <message>
        <source>the preview context must be 0 s or more, got %1</source>
        <translation>der Vorschau-Kontext muss 0 s oder mehr betragen, ist aber %1</translation>
    </message>
    <message>
        <source>the noise range %1–%2 s is not inside the recording (%3 s)</source>
        <translation>der Rauschbereich %1–%2 s liegt nicht innerhalb der Aufnahme (%3 s)</translation>
    </message>
    <message>
        <source>restoring the selection</source>
        <translation>Auswahl restaurieren</translation>
    </message>
    <message>
        <source>the %1 restorer returned %2 frames for %3 (it must keep the length)</source>
        <translation>das Restaurierungsverfahren %1 lieferte %2 Frames für %3 (es muss die Länge beibehalten)</translation>
    </message>
    <message>
        <source>no input file given</source>
        <translation>keine Eingabedatei angegeben</translation>
    </message>
    <message>
        <source>no output file given</source>
        <translation>keine Ausgabedatei angegeben</translation>
    </message>
    <message>
        <source>is named twice (output, residual and report need files of their own)</source>
        <translation>ist doppelt angegeben (Ausgabe, Differenzsignal und Bericht brauchen jeweils eine eigene Datei)</translation>
    </message>
    <message>
        <source>cannot rename the finished file into place (%1)</source>
        <translation>die fertige Datei kann nicht an ihren Platz umbenannt werden (%1)</translation>
    </message>
    <message>
        <source>nothing to play: no original recording given</source>
        <translation>nichts abzuspielen: keine Originalaufnahme angegeben</translation>
    </message>
    <message>
        <source>unusable audio output format: %1 Hz, %2 channels</source>
        <translation>unbrauchbares Audio-Ausgabeformat: %1 Hz, %2 Kanäle</translation>
    </message>
    <message>
        <source>%1: returned %2 frames at frame %3 where %4 were expected</source>
        <translation>%1: lieferte bei Frame %3 %2 Frames, erwartet waren %4</translation>
    </message>
    <message>
        <source>was deleted or moved while open</source>
        <translation>wurde gelöscht oder verschoben, während sie geöffnet war</translation>
    </message>
    <message>
        <source>was truncated while open: no audio left at frame %1 (the header said %2 frames)</source>
        <translation>wurde gekürzt, während sie geöffnet war: ab Frame %1 kein Audio mehr (laut Dateikopf %2 Frames)</translation>
    </message>
    <message>
        <source>%1 channels, but %2 has %3</source>
        <translation>%1 Kanäle, aber %2 hat %3</translation>
    </message>
    <message>
        <source>%1 frames placed at frame %2 run past the end of %3 (%4 frames)</source>
        <translation>%1 Frames ab Frame %2 reichen über das Ende von %3 hinaus (%4 Frames)</translation>
    </message>
    <message>
        <source>holds no audio</source>
        <translation>enthält kein Audio</translation>
    </message>
    <message>
        <source>invalid sample rate %1 Hz</source>
        <translation>ungültige Abtastrate %1 Hz</translation>
    </message>
    <message>
        <source>%1 frames placed at frame %2 run past the end (%3 frames)</source>
        <translation>%1 Frames ab Frame %2 reichen über das Ende hinaus (%3 Frames)</translation>
    </message>
    <message>
        <source>%1 frames, but %2 has %3 (A/B needs equal lengths)</source>
        <translation>%1 Frames, aber %2 hat %3 (A/B erfordert gleiche Längen)</translation>
    </message>
    <message>
        <source>%1 Hz, but %2 has %3 Hz</source>
        <translation>%1 Hz, aber %2 hat %3 Hz</translation>
    </message>
    <message>
        <source>Share of events, %</source>
        <translation>Anteil der Ereignisse, %</translation>
    </message>
    <message>
        <source> (pulses off)</source>
        <translation> (Pulse aus)</translation>
    </message>
    <message>
        <source>expected true or false, got %1</source>
        <translation>true oder false erwartet, %1 erhalten</translation>
    </message>
</context>
<context>
    <name>TrainingRunSettings</name>
    <message>
        <source>Choose the folder of clean music.</source>
        <translation>Ordner mit sauberer Musik wählen.</translation>
    </message>
    <message>
        <source>Choose the folder of real degraded transfers.</source>
        <translation>Ordner mit echten beschädigten Überspielungen wählen.</translation>
    </message>
    <message>
        <source>Choose a run folder for checkpoints and metrics.</source>
        <translation>Lauf-Ordner für Checkpoints und Metriken wählen.</translation>
    </message>
    <message>
        <source>A post-filter run needs the folder of paired classical restorations.</source>
        <translation>Ein Nachfilter-Lauf braucht den Ordner mit den gepaarten klassischen Restaurierungen.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Restoration workstation for 78 rpm gramophone transfers.</source>
        <translation>Restaurierungsarbeitsplatz für Überspielungen von 78er-Schellackplatten.</translation>
    </message>
    <message>
        <source>Recordings or folders to open, or one project (.shellac).</source>
        <translation>Aufnahmen oder Ordner, die geöffnet werden sollen, oder ein Projekt (.shellac).</translation>
    </message>
</context>
<context>
    <name>shellac::ui::ChecklistPanel</name>
    <message>
        <source>Listen to a quiet passage in Restored: is the dense frying/crackle gone?</source>
        <translation>Eine leise Passage in „Restauriert“ anhören: Ist das dichte Brutzeln/Knistern verschwunden?</translation>
    </message>
    <message>
        <source>Are the loud clicks and pops gone (compare with Original at the markers)?</source>
        <translation>Sind die lauten Knackser und Knalle verschwunden (an den Markierungen mit „Original“ vergleichen)?</translation>
    </message>
    <message>
        <source>Listen to Residual: it should hold only noise, no consonants, no words, no melody.</source>
        <translation>„Differenz“ anhören: Sie sollte nur Rauschen enthalten – keine Konsonanten, keine Wörter, keine Melodie.</translation>
    </message>
    <message>
        <source>Does Restored sound natural: no warbling (musical noise), no dullness, no pumping?</source>
        <translation>Klingt „Restauriert“ natürlich: kein Zwitschern (Musical Noise), nicht dumpf, kein Pumpen?</translation>
    </message>
    <message>
        <source>Crackles removed?</source>
        <translation>Knistern entfernt?</translation>
    </message>
    <message>
        <source>Pops removed?</source>
        <translation>Knalle entfernt?</translation>
    </message>
    <message>
        <source>Voice quality preserved?</source>
        <translation>Stimmqualität erhalten?</translation>
    </message>
    <message>
        <source>Natural sound?</source>
        <translation>Natürlicher Klang?</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nein</translation>
    </message>
    <message>
        <source>Not yet</source>
        <translation>Noch nicht</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>Notizen:</translation>
    </message>
    <message>
        <source>What you heard, what to redo, matrix number, speed…</source>
        <translation>Was Sie gehört haben, was zu wiederholen ist, Matrixnummer, Geschwindigkeit…</translation>
    </message>
    <message>
        <source>Open a recording to check it.</source>
        <translation>Eine Aufnahme öffnen, um sie zu prüfen.</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>All four checks passed: this file is marked checked.</source>
        <translation>Alle vier Prüfungen bestanden: Diese Datei ist als geprüft markiert.</translation>
    </message>
    <message>
        <source>Checked, with problems noted: restore again or describe them in the notes.</source>
        <translation>Geprüft, mit festgestellten Problemen: erneut restaurieren oder die Probleme in den Notizen beschreiben.</translation>
    </message>
    <message>
        <source>%1 of 4 answered. Listen A/B (keys 1, 2, 3) before answering.</source>
        <translation>%1 von 4 beantwortet. Vor dem Antworten A/B vergleichen (Tasten 1, 2, 3).</translation>
    </message>
</context>
<context>
    <name>shellac::ui::CheckpointList</name>
    <message>
        <source>A/B on current file</source>
        <translation>A/B mit aktueller Datei</translation>
    </message>
    <message>
        <source>Use as restorer</source>
        <translation>Zum Restaurieren verwenden</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>SI-SDR gain</source>
        <translation>SI-SDR-Gewinn</translation>
    </message>
    <message>
        <source>Impulses removed</source>
        <translation>Impulse entfernt</translation>
    </message>
    <message>
        <source>Transients kept</source>
        <translation>Transienten erhalten</translation>
    </message>
    <message>
        <source>Validation SI-SDR improvement on synthetic damage, dB (higher is better)</source>
        <translation>Verbesserung des SI-SDR bei der Validierung auf synthetischen Schäden, dB (höher ist besser)</translation>
    </message>
    <message>
        <source>Share of impulses removed on the held-out real transfers</source>
        <translation>Anteil der entfernten Impulse auf den zurückgehaltenen echten Überspielungen</translation>
    </message>
    <message>
        <source>Correlation of clean transients before and after (1 = untouched)</source>
        <translation>Korrelation sauberer Transienten vorher und nachher (1 = unverändert)</translation>
    </message>
    <message>
        <source>Restore the editor&apos;s selection with this model and play it looped: press 1 and 2 to compare Original and this model</source>
        <translation>Die Auswahl im Editor mit diesem Modell restaurieren und in Schleife abspielen: mit 1 und 2 das Original und dieses Modell vergleichen</translation>
    </message>
    <message>
        <source>Make this model the project&apos;s restorer: the Restore panel switches to it, and shellac-cli restore --project uses it too</source>
        <translation>Dieses Modell zum Restaurierungsmodell des Projekts machen: Der Bereich „Restaurierung“ wechselt darauf, und auch shellac-cli restore --project verwendet es</translation>
    </message>
    <message>
        <source>best.pt (best validation epoch)</source>
        <translation>best.pt (beste Validierungsepoche)</translation>
    </message>
    <message>
        <source>model.pt (latest epoch)</source>
        <translation>model.pt (letzte Epoche)</translation>
    </message>
    <message>
        <source>epoch %1</source>
        <translation>Epoche %1</translation>
    </message>
    <message>
        <source>%1 dB</source>
        <translation>%1 dB</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
</context>
<context>
    <name>shellac::ui::DatasetManager</name>
    <message>
        <source>Add folders to see what they hold.</source>
        <translation>Ordner hinzufügen, um ihren Inhalt zu sehen.</translation>
    </message>
    <message>
        <source>&amp;Analyse</source>
        <translation>A&amp;nalysieren</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Make e&amp;xample</source>
        <translation>Beispiel &amp;erzeugen</translation>
    </message>
    <message>
        <source>▶ Real</source>
        <translation>▶ Echt</translation>
    </message>
    <message>
        <source>▶ Synthetic</source>
        <translation>▶ Synthetisch</translation>
    </message>
    <message>
        <source>■ Stop</source>
        <translation>■ Stopp</translation>
    </message>
    <message>
        <source>&amp;Use for training</source>
        <translation>Fürs Trainin&amp;g verwenden</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Measure clicks, crackle, noise, hum and bandwidth on every readable degraded file (in the background; an hour of audio takes a few minutes).</source>
        <translation>Knackser, Knistern, Rauschen, Brummen und Bandbreite in jeder lesbaren beschädigten Datei messen (im Hintergrund; eine Stunde Audio dauert wenige Minuten).</translation>
    </message>
    <message>
        <source>Stop the analysis; the last measured profile is kept.</source>
        <translation>Analyse beenden; das zuletzt gemessene Profil bleibt erhalten.</translation>
    </message>
    <message>
        <source>Degrade a few seconds of clean music with the measured profile and load it next to a real excerpt. Click again for the next files.</source>
        <translation>Einige Sekunden saubere Musik mit dem gemessenen Profil beschädigen und neben einem echten Ausschnitt laden. Erneut klicken für die nächsten Dateien.</translation>
    </message>
    <message>
        <source>Play the excerpt of your real degraded transfer (switches instantly while playing).</source>
        <translation>Den Ausschnitt Ihrer echten beschädigten Überspielung abspielen (schaltet während der Wiedergabe sofort um).</translation>
    </message>
    <message>
        <source>Play the clean excerpt degraded with the measured profile (switches instantly while playing).</source>
        <translation>Den mit dem gemessenen Profil beschädigten sauberen Ausschnitt abspielen (schaltet während der Wiedergabe sofort um).</translation>
    </message>
    <message>
        <source>Put the clean and degraded folders into the training dashboard&apos;s run settings (several folders of a kind are combined as links).</source>
        <translation>Die sauberen und beschädigten Ordner in die Laufeinstellungen des Trainings-Dashboards übernehmen (mehrere Ordner einer Art werden als Verknüpfungen zusammengefasst).</translation>
    </message>
    <message>
        <source>Clean music</source>
        <translation>Saubere Musik</translation>
    </message>
    <message>
        <source>Folders of clean recordings; first-level sub-folders are shown as genres.</source>
        <translation>Ordner mit sauberen Aufnahmen; Unterordner der ersten Ebene werden als Genres angezeigt.</translation>
    </message>
    <message>
        <source>Real degraded transfers</source>
        <translation>Echte beschädigte Überspielungen</translation>
    </message>
    <message>
        <source>Folders of your real 78 rpm transfers (no clean references needed).</source>
        <translation>Ordner mit Ihren echten 78er-Überspielungen (keine sauberen Referenzen nötig).</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>Inhalt</translation>
    </message>
    <message>
        <source>Unreadable files</source>
        <translation>Unlesbare Dateien</translation>
    </message>
    <message>
        <source>Measured on the real transfers</source>
        <translation>Gemessen an den echten Überspielungen</translation>
    </message>
    <message>
        <source>Analysing %1…</source>
        <translation>Analysiere %1…</translation>
    </message>
    <message>
        <source>Analysis cancelled.</source>
        <translation>Analyse abgebrochen.</translation>
    </message>
    <message>
        <source>The folders were combined (as links, nothing copied) in %1.</source>
        <translation>Die Ordner wurden in %1 zusammengefasst (als Verknüpfungen, nichts kopiert).</translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation>Ordner hinzufügen…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Remove the selected folder from the list (nothing is deleted on disk).</source>
        <translation>Den ausgewählten Ordner aus der Liste entfernen (auf dem Datenträger wird nichts gelöscht).</translation>
    </message>
    <message>
        <source>The degraded folders changed: click Analyse to measure them.</source>
        <translation>Die beschädigten Ordner haben sich geändert: Auf „Analysieren“ klicken, um sie zu messen.</translation>
    </message>
    <message>
        <source>Scanning…</source>
        <translation>Wird durchsucht…</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) cannot be read (see Unreadable files)</source>
        <translation>
            <numerusform>%n Datei kann nicht gelesen werden (siehe Unlesbare Dateien)</numerusform>
            <numerusform>%n Dateien können nicht gelesen werden (siehe Unlesbare Dateien)</numerusform>
        </translation>
    </message>
    <message>
        <source>Wait for the folder scan to finish.</source>
        <translation>Bitte warten, bis die Ordner durchsucht sind.</translation>
    </message>
    <message>
        <source>No readable degraded files to analyse: add a folder of real transfers.</source>
        <translation>Keine lesbaren beschädigten Dateien zum Analysieren: einen Ordner mit echten Überspielungen hinzufügen.</translation>
    </message>
    <message numerus="yes">
        <source>Analysing %n file(s)…</source>
        <translation>
            <numerusform>Analysiere %n Datei…</numerusform>
            <numerusform>Analysiere %n Dateien…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Analysed %n file(s).</source>
        <translation>
            <numerusform>%n Datei analysiert.</numerusform>
            <numerusform>%n Dateien analysiert.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) could not be analysed: %1</source>
        <translation>
            <numerusform>%n Datei konnte nicht analysiert werden: %1</numerusform>
            <numerusform>%n Dateien konnten nicht analysiert werden: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Analyse the degraded transfers first.</source>
        <translation>Zuerst die beschädigten Überspielungen analysieren.</translation>
    </message>
    <message>
        <source>An example needs readable clean and degraded files.</source>
        <translation>Ein Beispiel erfordert lesbare saubere und beschädigte Dateien.</translation>
    </message>
    <message>
        <source>Making an example from %1…</source>
        <translation>Erzeuge ein Beispiel aus %1…</translation>
    </message>
    <message>
        <source>Real: %1</source>
        <translation>Echt: %1</translation>
    </message>
    <message>
        <source>Synthetic: %1</source>
        <translation>Synthetisch: %1</translation>
    </message>
    <message numerus="yes">
        <source>Real: %1 from %2. Synthetic: %3 from %4 with the measured profile (%n click(s) added).</source>
        <translation>
            <numerusform>Echt: %1 aus %2. Synthetisch: %3 aus %4 mit dem gemessenen Profil (%n Knackser hinzugefügt).</numerusform>
            <numerusform>Echt: %1 aus %2. Synthetisch: %3 aus %4 mit dem gemessenen Profil (%n Knackser hinzugefügt).</numerusform>
        </translation>
    </message>
    <message>
        <source>Measured profile restored from the project.</source>
        <translation>Gemessenes Profil aus dem Projekt wiederhergestellt.</translation>
    </message>
    <message>
        <source>Add a folder of clean music</source>
        <translation>Ordner mit sauberer Musik hinzufügen</translation>
    </message>
    <message>
        <source>Add a folder of real degraded transfers</source>
        <translation>Ordner mit echten beschädigten Überspielungen hinzufügen</translation>
    </message>
    <message>
        <source>Combining the folders…</source>
        <translation>Die Ordner werden zusammengeführt…</translation>
    </message>
</context>
<context>
    <name>shellac::ui::DatasetProfileView</name>
    <message>
        <source>Click amplitudes</source>
        <translation>Knackser-Amplituden</translation>
    </message>
    <message>
        <source>Peak, dB re programme RMS</source>
        <translation>Spitze, dB bezogen auf Programm-RMS</translation>
    </message>
    <message>
        <source>Click widths</source>
        <translation>Knackser-Breiten</translation>
    </message>
    <message>
        <source>Width, ms (log scale)</source>
        <translation>Breite, ms (logarithmisch)</translation>
    </message>
    <message>
        <source>Drawn from the distribution the analyzer fitted (median and spread), not from a list of individual clicks: each bar is the share of events expected in its bin.</source>
        <translation>Aus der vom Analysator angepassten Verteilung (Median und Streuung) gezogen, nicht aus einer Liste einzelner Knackser: Jeder Balken zeigt den in seinem Bereich erwarteten Anteil der Ereignisse.</translation>
    </message>
    <message>
        <source>Clicks</source>
        <translation>Knackser</translation>
    </message>
    <message>
        <source>Crackle</source>
        <translation>Knistern</translation>
    </message>
    <message>
        <source>Impulse rate:</source>
        <translation>Impulsrate:</translation>
    </message>
    <message>
        <source>Clicks and pops per second on each channel.</source>
        <translation>Knackser und Knalle pro Sekunde auf jedem Kanal.</translation>
    </message>
    <message>
        <source>Pops:</source>
        <translation>Knalle:</translation>
    </message>
    <message>
        <source>Share of the impulses that are long pops (wider than 6 ms).</source>
        <translation>Anteil der Impulse, die lange Knalle sind (breiter als 6 ms).</translation>
    </message>
    <message>
        <source>Crackle:</source>
        <translation>Knistern:</translation>
    </message>
    <message>
        <source>Very short crackle events per second on each channel.</source>
        <translation>Sehr kurze Knisterereignisse pro Sekunde auf jedem Kanal.</translation>
    </message>
    <message>
        <source>Click amplitude:</source>
        <translation>Knackser-Amplitude:</translation>
    </message>
    <message>
        <source>Median click peak relative to the music&apos;s RMS level, and its log-normal spread.</source>
        <translation>Median der Knackser-Spitzen relativ zum RMS-Pegel der Musik und ihre log-normale Streuung.</translation>
    </message>
    <message>
        <source>Click width:</source>
        <translation>Knackser-Breite:</translation>
    </message>
    <message>
        <source>Median click duration and its spread in octaves.</source>
        <translation>Median der Knackser-Dauer und ihre Streuung in Oktaven.</translation>
    </message>
    <message>
        <source>Noise floor:</source>
        <translation>Grundrauschen:</translation>
    </message>
    <message>
        <source>Surface hiss level (RMS) between the clicks, measured in the quietest moments.</source>
        <translation>Pegel des Oberflächenrauschens (RMS) zwischen den Knacksern, gemessen in den leisesten Momenten.</translation>
    </message>
    <message>
        <source>Noise tilt:</source>
        <translation>Rauschneigung:</translation>
    </message>
    <message>
        <source>Slope of the hiss spectrum; negative means darker, rumbling noise.</source>
        <translation>Steigung des Rauschspektrums; negativ bedeutet dunkleres, rumpelndes Rauschen.</translation>
    </message>
    <message>
        <source>Hum:</source>
        <translation>Brummen:</translation>
    </message>
    <message>
        <source>Steady mains hum: its frequency, level and harmonics.</source>
        <translation>Gleichmäßiges Netzbrummen: Frequenz, Pegel und Harmonische.</translation>
    </message>
    <message>
        <source>Bandwidth:</source>
        <translation>Bandbreite:</translation>
    </message>
    <message>
        <source>The recording&apos;s upper frequency limit (a fitted low-pass corner).</source>
        <translation>Obere Grenzfrequenz der Aufnahme (eine angepasste Tiefpass-Eckfrequenz).</translation>
    </message>
    <message>
        <source>Rumble:</source>
        <translation>Rumpeln:</translation>
    </message>
    <message>
        <source>Turntable rumble below 30 Hz.</source>
        <translation>Plattenspieler-Rumpeln unter 30 Hz.</translation>
    </message>
    <message>
        <source>not measured</source>
        <translation>nicht gemessen</translation>
    </message>
    <message>
        <source>%1 clicks and pops/s per channel</source>
        <translation>%1 Knackser und Knalle/s pro Kanal</translation>
    </message>
    <message>
        <source>%1 % of the impulses</source>
        <translation>%1 % der Impulse</translation>
    </message>
    <message>
        <source>%1 events/s per channel, median %2 dB</source>
        <translation>%1 Ereignisse/s pro Kanal, Median %2 dB</translation>
    </message>
    <message>
        <source>none found</source>
        <translation>keine gefunden</translation>
    </message>
    <message>
        <source>median %1 dB, spread %2 dB</source>
        <translation>Median %1 dB, Streuung %2 dB</translation>
    </message>
    <message>
        <source>no clicks found</source>
        <translation>keine Knackser gefunden</translation>
    </message>
    <message>
        <source>median %1 ms, spread %2 octaves</source>
        <translation>Median %1 ms, Streuung %2 Oktaven</translation>
    </message>
    <message>
        <source>%1 dBFS RMS</source>
        <translation>%1 dBFS RMS</translation>
    </message>
    <message>
        <source>no hiss</source>
        <translation>kein Rauschen</translation>
    </message>
    <message>
        <source>%1 dB/octave</source>
        <translation>%1 dB/Oktave</translation>
    </message>
    <message>
        <source>%1 Hz at %2 dBFS</source>
        <translation>%1 Hz bei %2 dBFS</translation>
    </message>
    <message>
        <source>, harmonics %1 dB</source>
        <translation>, Harmonische %1 dB</translation>
    </message>
    <message>
        <source>%1 kHz low-pass</source>
        <translation>%1 kHz Tiefpass</translation>
    </message>
    <message>
        <source>full band (no low-pass found)</source>
        <translation>volle Bandbreite (kein Tiefpass gefunden)</translation>
    </message>
    <message>
        <source>%1 dBFS</source>
        <translation>%1 dBFS</translation>
    </message>
    <message>
        <source>No analysis yet: add real degraded transfers and click Analyse.</source>
        <translation>Noch keine Analyse: echte Überspielungen hinzufügen und „Analysieren“ klicken.</translation>
    </message>
    <message numerus="yes">
        <source>Measured on %n file(s), %1 of audio.</source>
        <translation>
            <numerusform>Gemessen an %n Datei, %1 Audio.</numerusform>
            <numerusform>Gemessen an %n Dateien, %1 Audio.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>shellac::ui::DatasetScan</name>
    <message>
        <source>does not exist</source>
        <translation>existiert nicht</translation>
    </message>
    <message>
        <source>is not a folder</source>
        <translation>ist kein Ordner</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>scanning</source>
        <translation>durchsuchen</translation>
    </message>
    <message>
        <source>no audio files (looked for %1)</source>
        <translation>keine Audiodateien (gesucht nach %1)</translation>
    </message>
</context>
<context>
    <name>shellac::ui::DatasetScanModel</name>
    <message>
        <source>%1 kHz</source>
        <translation>%1 kHz</translation>
    </message>
    <message>
        <source>mono</source>
        <translation>mono</translation>
    </message>
    <message>
        <source>stereo</source>
        <translation>stereo</translation>
    </message>
    <message>
        <source>%1 ch</source>
        <translation>%1 Kan.</translation>
    </message>
    <message>
        <source>Folder / genre</source>
        <translation>Ordner / Genre</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Dateien</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Sample rates</source>
        <translation>Abtastraten</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>Kanäle</translation>
    </message>
    <message>
        <source>Unreadable</source>
        <translation>Unlesbar</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>Clean music</source>
        <translation>Saubere Musik</translation>
    </message>
    <message>
        <source>Real degraded transfers</source>
        <translation>Echte beschädigte Überspielungen</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n file(s), %2</source>
        <translation>
            <numerusform>%1: %n Datei, %2</numerusform>
            <numerusform>%1: %n Dateien, %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>shellac::ui::EditorDocument</name>
    <message>
        <source>classical restoration</source>
        <translation>klassische Restaurierung</translation>
    </message>
    <message>
        <source>neural restoration</source>
        <translation>neuronale Restaurierung</translation>
    </message>
    <message>
        <source>hybrid restoration</source>
        <translation>hybride Restaurierung</translation>
    </message>
    <message>
        <source>opening…</source>
        <translation>wird geöffnet…</translation>
    </message>
    <message>
        <source>new</source>
        <translation>neu</translation>
    </message>
    <message>
        <source>restoring %1 %</source>
        <translation>wird restauriert: %1 %</translation>
    </message>
    <message>
        <source>restored</source>
        <translation>restauriert</translation>
    </message>
    <message>
        <source>checked</source>
        <translation>geprüft</translation>
    </message>
    <message>
        <source>checked (problems noted)</source>
        <translation>geprüft (Probleme notiert)</translation>
    </message>
    <message>
        <source>Apply %1</source>
        <translation>%1 anwenden</translation>
    </message>
</context>
<context>
    <name>shellac::ui::EditorWidget</name>
    <message>
        <source>&lt;h2&gt;Drop recordings here&lt;/h2&gt;&lt;p&gt;WAV, FLAC, Ogg Vorbis or AIFF files, or whole folders of them.&lt;br&gt;Or use File ▸ Open (Ctrl+O). Your originals are never modified.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Aufnahmen hierher ziehen&lt;/h2&gt;&lt;p&gt;WAV-, FLAC-, Ogg-Vorbis- oder AIFF-Dateien oder ganze Ordner davon.&lt;br&gt;Oder Datei ▸ Öffnen (Strg+O). Ihre Originale werden nie verändert.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Residual (removed)</source>
        <translation>Differenz (entfernt)</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Abspielen</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>&amp;Vergrößern</translation>
    </message>
    <message>
        <source>Zoom in around the playhead</source>
        <translation>Um die Abspielposition vergrößern</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <source>Zoom out around the playhead</source>
        <translation>Um die Abspielposition verkleinern</translation>
    </message>
    <message>
        <source>Zoom to &amp;Fit</source>
        <translation>&amp;Gesamtansicht</translation>
    </message>
    <message>
        <source>Show the whole recording</source>
        <translation>Die ganze Aufnahme zeigen</translation>
    </message>
    <message>
        <source>Zoom to &amp;Selection</source>
        <translation>Auf &amp;Auswahl zoomen</translation>
    </message>
    <message>
        <source>Show the selection</source>
        <translation>Die Auswahl zeigen</translation>
    </message>
    <message>
        <source>Sel</source>
        <translation>Ausw.</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Alles</translation>
    </message>
    <message>
        <source>Show &amp;Residual Lane</source>
        <translation>&amp;Differenzspur anzeigen</translation>
    </message>
    <message>
        <source>Show what the restoration removed as its own lane</source>
        <translation>Das von der Restaurierung Entfernte als eigene Spur zeigen</translation>
    </message>
    <message>
        <source>&amp;Logarithmic Frequency</source>
        <translation>&amp;Logarithmische Frequenzachse</translation>
    </message>
    <message>
        <source>Spectrogram frequency axis: logarithmic instead of linear</source>
        <translation>Frequenzachse des Spektrogramms: logarithmisch statt linear</translation>
    </message>
    <message>
        <source>&amp;Play</source>
        <translation>&amp;Abspielen</translation>
    </message>
    <message>
        <source>Play or pause</source>
        <translation>Abspielen oder pausieren</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>&amp;Stopp</translation>
    </message>
    <message>
        <source>Stop and go back to where playing started</source>
        <translation>Anhalten und zur Position zurückkehren, an der die Wiedergabe begann</translation>
    </message>
    <message>
        <source>&amp;Loop Selection</source>
        <translation>Auswahl in Sch&amp;leife</translation>
    </message>
    <message>
        <source>Repeat the selection while playing</source>
        <translation>Die Auswahl während der Wiedergabe wiederholen</translation>
    </message>
    <message>
        <source>Go to S&amp;tart</source>
        <translation>Zum A&amp;nfang</translation>
    </message>
    <message>
        <source>Move the playhead to the start</source>
        <translation>Die Abspielposition an den Anfang setzen</translation>
    </message>
    <message>
        <source>&amp;Original</source>
        <translation>&amp;Original</translation>
    </message>
    <message>
        <source>&amp;Restored</source>
        <translation>&amp;Restauriert</translation>
    </message>
    <message>
        <source>Resi&amp;dual</source>
        <translation>&amp;Differenz</translation>
    </message>
    <message>
        <source>Listen to the original recording</source>
        <translation>Die Originalaufnahme anhören</translation>
    </message>
    <message>
        <source>Listen to the restoration (or the selection preview)</source>
        <translation>Die Restaurierung anhören (oder die Vorschau der Auswahl)</translation>
    </message>
    <message>
        <source>Listen to what the restoration removed</source>
        <translation>Anhören, was die Restaurierung entfernt hat</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>Öffne %1…</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>Restauriert</translation>
    </message>
    <message>
        <source>Original</source>
        <translation>Original</translation>
    </message>
    <message>
        <source>Spectrogram: Original</source>
        <translation>Spektrogramm: Original</translation>
    </message>
    <message>
        <source>Spectrogram: Restored</source>
        <translation>Spektrogramm: Restauriert</translation>
    </message>
    <message>
        <source>Spectrogram: Residual</source>
        <translation>Spektrogramm: Differenz</translation>
    </message>
    <message>
        <source>   selection %1–%2 (%3)</source>
        <translation>   Auswahl %1–%2 (%3)</translation>
    </message>
    <message>
        <source>No audio device</source>
        <translation>Kein Audiogerät</translation>
    </message>
    <message>
        <source>Original, and the restored preview (green) inside the selection</source>
        <translation>Original, und die restaurierte Vorschau (grün) innerhalb der Auswahl</translation>
    </message>
</context>
<context>
    <name>shellac::ui::EpochTableModel</name>
    <message>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <source>Epoch</source>
        <translation>Epoche</translation>
    </message>
    <message>
        <source>Supervised</source>
        <translation>Überwacht</translation>
    </message>
    <message>
        <source>Consistency</source>
        <translation>Konsistenz</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Gesamt</translation>
    </message>
    <message>
        <source>Synthetic</source>
        <translation>Synthetisch</translation>
    </message>
    <message>
        <source>Impulses removed</source>
        <translation>Impulse entfernt</translation>
    </message>
    <message>
        <source>Transients kept</source>
        <translation>Transienten erhalten</translation>
    </message>
    <message>
        <source>SI-SDR gain (dB)</source>
        <translation>SI-SDR-Gewinn (dB)</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>Lernrate</translation>
    </message>
    <message>
        <source>Time (s)</source>
        <translation>Zeit (s)</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>Zustand</translation>
    </message>
</context>
<context>
    <name>shellac::ui::ExportDialog</name>
    <message>
        <source>Export Restored Audio</source>
        <translation>Restauriertes Audio exportieren</translation>
    </message>
    <message>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Datei:</translation>
    </message>
    <message>
        <source>&amp;Samples:</source>
        <translation>&amp;Sampleformat:</translation>
    </message>
    <message>
        <source>The extension chooses the format: .wav, .flac, .aif/.aiff or .ogg</source>
        <translation>Die Endung bestimmt das Format: .wav, .flac, .aif/.aiff oder .ogg</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>Exportieren nach</translation>
    </message>
    <message>
        <source>FLAC (*.flac);;WAV (*.wav);;AIFF (*.aif *.aiff);;Ogg Vorbis (*.ogg)</source>
        <translation>FLAC (*.flac);;WAV (*.wav);;AIFF (*.aif *.aiff);;Ogg Vorbis (*.ogg)</translation>
    </message>
    <message>
        <source>Choose a file ending in %1.</source>
        <translation>Einen Dateinamen mit der Endung %1 wählen.</translation>
    </message>
    <message>
        <source>16-bit integer (CD)</source>
        <translation>16-Bit-Ganzzahl (CD)</translation>
    </message>
    <message>
        <source>24-bit integer (archive)</source>
        <translation>24-Bit-Ganzzahl (Archiv)</translation>
    </message>
    <message>
        <source>32-bit float</source>
        <translation>32-Bit-Gleitkomma</translation>
    </message>
    <message>
        <source>Vorbis (lossy)</source>
        <translation>Vorbis (verlustbehaftet)</translation>
    </message>
    <message>
        <source>That is the original recording: Shellac never writes over it. Choose another name.</source>
        <translation>Das ist die Originalaufnahme: Shellac überschreibt sie nie. Bitte einen anderen Namen wählen.</translation>
    </message>
</context>
<context>
    <name>shellac::ui::FileListModel</name>
    <message>
        <source>%1 Hz</source>
        <translation>%1 Hz</translation>
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
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
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
    <message>
        <source>Restoration failed</source>
        <translation>Restaurierung fehlgeschlagen</translation>
    </message>
    <message>
        <source>%1

The original and earlier takes are unchanged.</source>
        <translation>%1

Das Original und frühere Takes sind unverändert.</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Dateien</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Restaurierung</translation>
    </message>
    <message>
        <source>Listening Checklist</source>
        <translation>Hörprüfung</translation>
    </message>
    <message>
        <source>&amp;Open Recordings…</source>
        <translation>Aufnahmen ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Open audio files (or drop files and folders onto the window)</source>
        <translation>Audiodateien öffnen (oder Dateien und Ordner auf das Fenster ziehen)</translation>
    </message>
    <message>
        <source>&amp;Close File</source>
        <translation>Datei schl&amp;ießen</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederherstellen</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>&amp;Alles auswählen</translation>
    </message>
    <message>
        <source>Select &amp;None</source>
        <translation>Auswahl au&amp;fheben</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Playback</source>
        <translation>&amp;Wiedergabe</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Restaurierung</translation>
    </message>
    <message>
        <source>&amp;Training</source>
        <translation>&amp;Training</translation>
    </message>
    <message>
        <source>&amp;Dashboard</source>
        <translation>&amp;Dashboard</translation>
    </message>
    <message>
        <source>Train the neural restorer and watch its progress</source>
        <translation>Das neuronale Restaurierungsmodell trainieren und seinen Fortschritt verfolgen</translation>
    </message>
    <message>
        <source>Data&amp;sets…</source>
        <translation>Daten&amp;sätze…</translation>
    </message>
    <message>
        <source>Choose clean and real degraded folders, and measure the real transfers&apos; damage</source>
        <translation>Saubere und echte beschädigte Ordner wählen und die Schäden der echten Überspielungen messen</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>Autosave failed: %1</source>
        <translation>Automatisches Speichern fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>The project&apos;s restore settings could not be read (%1); defaults are shown</source>
        <translation>Die Restaurierungseinstellungen des Projekts konnten nicht gelesen werden (%1); Standardwerte werden angezeigt</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>The project&apos;s training settings could not be read (%1); defaults are shown</source>
        <translation>Die Trainingseinstellungen des Projekts konnten nicht gelesen werden (%1); Standardwerte werden angezeigt</translation>
    </message>
    <message>
        <source>Datasets</source>
        <translation>Datensätze</translation>
    </message>
    <message>
        <source>The project&apos;s dataset folders could not be read (%1)</source>
        <translation>Die Datensatz-Ordner des Projekts konnten nicht gelesen werden (%1)</translation>
    </message>
    <message>
        <source>Those files are already open</source>
        <translation>Diese Dateien sind bereits geöffnet</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message numerus="yes">
        <source>%n checked</source>
        <translation>
            <numerusform>%n geprüft</numerusform>
            <numerusform>%n geprüft</numerusform>
        </translation>
    </message>
    <message>
        <source>Restorations are running</source>
        <translation>Restaurierungen laufen</translation>
    </message>
    <message>
        <source>Cancel the running restorations and quit? Finished takes are kept.</source>
        <translation>Laufende Restaurierungen abbrechen und beenden? Fertige Takes bleiben erhalten.</translation>
    </message>
</context>
<context>
    <name>shellac::ui::PlaybackController</name>
    <message>
        <source>No audio output device was found, so playback is off (everything else works). Connect a device or start the sound server (PipeWire or PulseAudio) to listen.</source>
        <translation>Es wurde kein Audio-Ausgabegerät gefunden, daher ist die Wiedergabe ausgeschaltet (alles andere funktioniert). Schließen Sie ein Gerät an oder starten Sie den Soundserver (PipeWire oder PulseAudio), um zu hören.</translation>
    </message>
    <message>
        <source>Playback stopped: the audio output device was removed.</source>
        <translation>Wiedergabe gestoppt: Das Audio-Ausgabegerät wurde entfernt.</translation>
    </message>
    <message>
        <source>The audio device “%1” cannot play %2 Hz audio in any format Shellac can send.</source>
        <translation>Das Audiogerät „%1“ kann %2-Hz-Audio in keinem Format wiedergeben, das Shellac senden kann.</translation>
    </message>
    <message>
        <source>Cannot open the audio device “%1”.</source>
        <translation>Das Audiogerät „%1“ kann nicht geöffnet werden.</translation>
    </message>
    <message>
        <source>Playback stopped: %1</source>
        <translation>Wiedergabe gestoppt: %1</translation>
    </message>
    <message>
        <source>Playback stopped: the audio device failed (%1).</source>
        <translation>Wiedergabe gestoppt: Das Audiogerät ist ausgefallen (%1).</translation>
    </message>
    <message>
        <source>it could not be opened</source>
        <translation>es konnte nicht geöffnet werden</translation>
    </message>
    <message>
        <source>input/output error</source>
        <translation>Ein-/Ausgabefehler</translation>
    </message>
    <message>
        <source>fatal error</source>
        <translation>schwerwiegender Fehler</translation>
    </message>
</context>
<context>
    <name>shellac::ui::ProjectController</name>
    <message>
        <source>Shellac projects (*.shellac)</source>
        <translation>Shellac-Projekte (*.shellac)</translation>
    </message>
    <message>
        <source>&amp;New Project</source>
        <translation>&amp;Neues Projekt</translation>
    </message>
    <message>
        <source>Start an empty project</source>
        <translation>Ein leeres Projekt beginnen</translation>
    </message>
    <message>
        <source>Open &amp;Project…</source>
        <translation>&amp;Projekt öffnen…</translation>
    </message>
    <message>
        <source>Open a .shellac project</source>
        <translation>Ein .shellac-Projekt öffnen</translation>
    </message>
    <message>
        <source>&amp;Save Project</source>
        <translation>Projekt &amp;speichern</translation>
    </message>
    <message>
        <source>Save the project (it also autosaves)</source>
        <translation>Das Projekt speichern (es wird auch automatisch gespeichert)</translation>
    </message>
    <message>
        <source>Save Project &amp;As…</source>
        <translation>Projekt speichern &amp;unter…</translation>
    </message>
    <message>
        <source>Save the project under a new name</source>
        <translation>Das Projekt unter einem neuen Namen speichern</translation>
    </message>
    <message>
        <source>&amp;Export Restored Audio…</source>
        <translation>Restauriertes Audio &amp;exportieren…</translation>
    </message>
    <message>
        <source>Write the current take of this file to a new file; the original is never touched</source>
        <translation>Den aktuellen Take dieser Datei in eine neue Datei schreiben; das Original bleibt unangetastet</translation>
    </message>
    <message>
        <source>Export &amp;Report…</source>
        <translation>Be&amp;richt exportieren…</translation>
    </message>
    <message>
        <source>Write every file&apos;s checklist, method and settings as CSV or HTML</source>
        <translation>Prüfliste, Methode und Einstellungen jeder Datei als CSV oder HTML schreiben</translation>
    </message>
    <message>
        <source>Open project</source>
        <translation>Projekt öffnen</translation>
    </message>
    <message>
        <source>Cannot open the project</source>
        <translation>Das Projekt kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>%1

The project you had open was kept as it was.</source>
        <translation>%1

Das bisher geöffnete Projekt bleibt unverändert.</translation>
    </message>
    <message numerus="yes">
        <source>Opened %1 (%n file(s))</source>
        <translation>
            <numerusform>%1 geöffnet (%n Datei)</numerusform>
            <numerusform>%1 geöffnet (%n Dateien)</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot save the project</source>
        <translation>Das Projekt kann nicht gespeichert werden</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message>
        <source>Save project as</source>
        <translation>Projekt speichern unter</translation>
    </message>
    <message>
        <source>Cannot recover the unsaved project</source>
        <translation>Das ungespeicherte Projekt kann nicht wiederhergestellt werden</translation>
    </message>
    <message>
        <source>Recover unsaved project?</source>
        <translation>Ungespeichertes Projekt wiederherstellen?</translation>
    </message>
    <message numerus="yes">
        <source>Shellac did not close cleanly last time. An unsaved project with %n file(s), last changed %1, can be reopened.</source>
        <translation>
            <numerusform>Shellac wurde beim letzten Mal nicht ordnungsgemäß beendet. Ein ungespeichertes Projekt mit %n Datei, zuletzt geändert %1, kann wieder geöffnet werden.</numerusform>
            <numerusform>Shellac wurde beim letzten Mal nicht ordnungsgemäß beendet. Ein ungespeichertes Projekt mit %n Dateien, zuletzt geändert %1, kann wieder geöffnet werden.</numerusform>
        </translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>Wieder öffnen</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Später</translation>
    </message>
    <message>
        <source>Save the project?</source>
        <translation>Projekt speichern?</translation>
    </message>
    <message>
        <source>This project is not saved yet: its file list, takes and checklists would be lost. Save it?</source>
        <translation>Dieses Projekt ist noch nicht gespeichert: Dateiliste, Takes und Prüflisten gingen verloren. Jetzt speichern?</translation>
    </message>
    <message>
        <source>Nothing to export</source>
        <translation>Nichts zu exportieren</translation>
    </message>
    <message>
        <source>Restore the file first (Restore ▸ Restore File), then export the result.</source>
        <translation>Zuerst die Datei restaurieren (Restaurierung ▸ Datei restaurieren), dann das Ergebnis exportieren.</translation>
    </message>
    <message>
        <source>%1 (restored).flac</source>
        <translation>%1 (restauriert).flac</translation>
    </message>
    <message>
        <source>Replace file?</source>
        <translation>Datei ersetzen?</translation>
    </message>
    <message>
        <source>%1 already exists. Replace it?</source>
        <translation>%1 existiert bereits. Ersetzen?</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <source>%1: that is the original recording; Shellac never writes over it</source>
        <translation>%1: Das ist die Originalaufnahme; Shellac überschreibt sie nie</translation>
    </message>
    <message>
        <source>Exporting %1…</source>
        <translation>Exportiere %1…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Export cancelled; nothing was written</source>
        <translation>Export abgebrochen; es wurde nichts geschrieben</translation>
    </message>
    <message>
        <source>%1

Nothing was written.</source>
        <translation>%1

Es wurde nichts geschrieben.</translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>%1 exportiert</translation>
    </message>
    <message>
        <source>Shellac report</source>
        <translation>Shellac-Bericht</translation>
    </message>
    <message>
        <source> report</source>
        <translation> Bericht</translation>
    </message>
    <message>
        <source>Export report</source>
        <translation>Bericht exportieren</translation>
    </message>
    <message>
        <source>HTML page (*.html);;CSV spreadsheet (*.csv)</source>
        <translation>HTML-Seite (*.html);;CSV-Tabelle (*.csv)</translation>
    </message>
    <message>
        <source>Shellac report: %1</source>
        <translation>Shellac-Bericht: %1</translation>
    </message>
    <message>
        <source>Cannot write the report</source>
        <translation>Der Bericht kann nicht geschrieben werden</translation>
    </message>
    <message>
        <source>Report written to %1</source>
        <translation>Bericht nach %1 geschrieben</translation>
    </message>
</context>
<context>
    <name>shellac::ui::ProjectSession</name>
    <message>
        <source>%1: the file was deleted or moved while open; its takes and checklist are kept</source>
        <translation>%1: Die Datei wurde gelöscht oder verschoben, während sie geöffnet war; ihre Takes und ihre Prüfliste bleiben erhalten</translation>
    </message>
    <message>
        <source>Untitled project</source>
        <translation>Unbenanntes Projekt</translation>
    </message>
</context>
<context>
    <name>shellac::ui::RestoreController</name>
    <message>
        <source>&amp;Preview Selection</source>
        <translation>Auswahl &amp;vorhören</translation>
    </message>
    <message>
        <source>Restore only the selection, in memory, and play it looped as Restored</source>
        <translation>Nur die Auswahl im Speicher restaurieren und als „Restauriert“ in Schleife abspielen</translation>
    </message>
    <message>
        <source>&amp;Restore File</source>
        <translation>Datei &amp;restaurieren</translation>
    </message>
    <message>
        <source>Restore the whole file in the background; the result becomes a new take (undoable)</source>
        <translation>Die ganze Datei im Hintergrund restaurieren; das Ergebnis wird ein neuer Take (rückgängig machbar)</translation>
    </message>
    <message>
        <source>Restore &amp;Selected Files</source>
        <translation>&amp;Ausgewählte Dateien restaurieren</translation>
    </message>
    <message>
        <source>Restore every file selected in the file list, one after the other</source>
        <translation>Alle in der Dateiliste ausgewählten Dateien nacheinander restaurieren</translation>
    </message>
    <message>
        <source>&amp;Cancel Restoring</source>
        <translation>Restaurierung a&amp;bbrechen</translation>
    </message>
    <message>
        <source>Stop the running and queued restorations; nothing half-written is left behind</source>
        <translation>Die laufenden und wartenden Restaurierungen beenden; nichts halb Geschriebenes bleibt zurück</translation>
    </message>
    <message numerus="yes">
        <source>Restoring %n file(s) in the background with %1</source>
        <translation>
            <numerusform>Restauriere %n Datei im Hintergrund mit %1</numerusform>
            <numerusform>Restauriere %n Dateien im Hintergrund mit %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Previewing the selection with %1…</source>
        <translation>Vorschau der Auswahl mit %1…</translation>
    </message>
    <message>
        <source>Open a recording in the editor first: the model is tried on its selection.</source>
        <translation>Zuerst eine Aufnahme im Editor öffnen: Das Modell wird an ihrer Auswahl ausprobiert.</translation>
    </message>
    <message>
        <source>The project now restores with %1 (the Restore panel, and shellac-cli restore --project)</source>
        <translation>Das Projekt restauriert jetzt mit %1 (im Bereich „Restaurierung“ und mit shellac-cli restore --project)</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message>
        <source>Restored %1 in %2 s</source>
        <translation>%1 in %2 s restauriert</translation>
    </message>
    <message>
        <source>Restoring %1 was cancelled; nothing was written</source>
        <translation>Restaurierung von %1 abgebrochen; es wurde nichts geschrieben</translation>
    </message>
    <message>
        <source>Preview ready (%1 s): listening to Restored inside the selection; press 1 for Original</source>
        <translation>Vorschau bereit (%1 s): „Restauriert“ wird innerhalb der Auswahl abgespielt; 1 drücken für „Original“</translation>
    </message>
    <message>
        <source>Restoring %1 (%2 of %3)…</source>
        <translation>Restauriere %1 (%2 von %3)…</translation>
    </message>
</context>
<context>
    <name>shellac::ui::RestorePanel</name>
    <message>
        <source>Classical (no training)</source>
        <translation>Klassisch (ohne Training)</translation>
    </message>
    <message>
        <source>Neural (trained model)</source>
        <translation>Neuronal (trainiertes Modell)</translation>
    </message>
    <message>
        <source>Hybrid (classical, then model)</source>
        <translation>Hybrid (klassisch, dann Modell)</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Classical&lt;/b&gt;: AR-model declick, decrackle, dehum, dehiss and rumble filter. Needs no training.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Neural&lt;/b&gt;: the trained network (the bundled default model unless you choose one).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Hybrid&lt;/b&gt;: the classical chain, then the network as a post-filter for what it left (the bundled post-filter unless you choose a model). With the bundled post-filter installed it ranks first in the held-out evaluation (docs/RESULTS.md) and new projects start with it; otherwise they start with Classical.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Klassisch&lt;/b&gt;: AR-Modell-Entknacksen, Entknistern, Brummfilter, Entrauschen und Rumpelfilter. Braucht kein Training.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Neuronal&lt;/b&gt;: das trainierte Netz (das mitgelieferte Standardmodell, sofern Sie kein anderes wählen).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Hybrid&lt;/b&gt;: die klassische Kette, danach das Netz als Nachfilter für das, was sie übrig gelassen hat (der mitgelieferte Nachfilter, sofern Sie kein Modell wählen). Ist der mitgelieferte Nachfilter installiert, liegt es in der Auswertung auf zurückgehaltenen Dateien vorn (docs/RESULTS.md), und neue Projekte beginnen damit; sonst beginnen sie mit Klassisch.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Method:</source>
        <translation>&amp;Methode:</translation>
    </message>
    <message>
        <source>Classical stages</source>
        <translation>Klassische Stufen</translation>
    </message>
    <message>
        <source>De&amp;click, sensitivity</source>
        <translation>&amp;Knackser, Empfindlichkeit</translation>
    </message>
    <message>
        <source>AR-model click and pop detection with least-squares interpolation. Sensitivity 1 finds only loud clicks, 10 the smallest ones (and risks touching sharp transients). Default 5.</source>
        <translation>Knackser- und Knallerkennung per AR-Modell mit Interpolation nach der Methode der kleinsten Quadrate. Empfindlichkeit 1 findet nur laute Knackser, 10 auch die kleinsten (und riskiert, scharfe Transienten anzutasten). Standard 5.</translation>
    </message>
    <message>
        <source>Decrac&amp;kle, strength</source>
        <translation>K&amp;nistern, Stärke</translation>
    </message>
    <message>
        <source>Removes dense small impulses (surface crackle, hundreds per second). 0 is gentle, 10 strong. Default 5.</source>
        <translation>Entfernt dichte kleine Impulse (Oberflächenknistern, Hunderte pro Sekunde). 0 ist sanft, 10 stark. Standard 5.</translation>
    </message>
    <message>
        <source>De&amp;hum</source>
        <translation>Br&amp;ummen</translation>
    </message>
    <message>
        <source>automatic</source>
        <translation>automatisch</translation>
    </message>
    <message>
        <source>50 Hz</source>
        <translation>50 Hz</translation>
    </message>
    <message>
        <source>60 Hz</source>
        <translation>60 Hz</translation>
    </message>
    <message>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <source>Mains hum: automatic finds steady 50 or 60 Hz hum with its harmonics and never a bass note; 50/60 Hz force the search there (±2.5 Hz drift).</source>
        <translation>Netzbrummen: „automatisch“ findet gleichmäßiges 50- oder 60-Hz-Brummen mit seinen Harmonischen und nie einen Basston; 50/60 Hz erzwingen die Suche dort (±2,5 Hz Drift).</translation>
    </message>
    <message>
        <source>Dehi&amp;ss, at most</source>
        <translation>Rau&amp;schen, höchstens</translation>
    </message>
    <message>
        <source> dB</source>
        <translation> dB</translation>
    </message>
    <message>
        <source>Spectral noise reduction (decision-directed MMSE gain): lowers the surface hiss by at most this many dB. 8–15 dB sounds natural; more risks a dull, watery sound. Default 12 dB.</source>
        <translation>Spektrale Rauschminderung (entscheidungsgesteuerte MMSE-Verstärkung): senkt das Oberflächenrauschen um höchstens so viele dB. 8–15 dB klingen natürlich; mehr riskiert einen dumpfen, wässrigen Klang. Standard 12 dB.</translation>
    </message>
    <message>
        <source>Where the hiss profile is learned: the quietest passages, or a range you choose (ideally the lead-in groove before the music starts).</source>
        <translation>Wo das Rauschprofil gelernt wird: in den leisesten Passagen oder in einem gewählten Bereich (idealerweise die Einlaufrille vor Beginn der Musik).</translation>
    </message>
    <message>
        <source>Use selection</source>
        <translation>Auswahl verwenden</translation>
    </message>
    <message>
        <source>Learn the noise profile from the selected range (select the lead-in groove first)</source>
        <translation>Das Rauschprofil aus dem ausgewählten Bereich lernen (zuerst die Einlaufrille auswählen)</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automatisch</translation>
    </message>
    <message>
        <source>Learn the noise profile from the quietest passages</source>
        <translation>Das Rauschprofil aus den leisesten Passagen lernen</translation>
    </message>
    <message>
        <source>&amp;Rumble filter below</source>
        <translation>Rum&amp;pelfilter unter</translation>
    </message>
    <message>
        <source> Hz</source>
        <translation> Hz</translation>
    </message>
    <message>
        <source>Linear-phase high-pass against turntable rumble. 20 Hz (default) is inaudible on music; 40–80 Hz for acoustic recordings, which hold nothing that low.</source>
        <translation>Linearphasiger Hochpass gegen Plattenspieler-Rumpeln. 20 Hz (Standard) ist bei Musik unhörbar; 40–80 Hz für akustische Aufnahmen, die so tief nichts enthalten.</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>bundled default model</source>
        <translation>Standardmodell</translation>
    </message>
    <message>
        <source>A model file trained with Training ▸ Dashboard or shellac-cli train (.pt). Empty: the model that ships with Shellac.</source>
        <translation>Eine mit Training ▸ Dashboard oder shellac-cli train trainierte Modelldatei (.pt). Leer: das mit Shellac ausgelieferte Modell.</translation>
    </message>
    <message>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <source>Choose a model file</source>
        <translation>Eine Modelldatei wählen</translation>
    </message>
    <message>
        <source>M&amp;odel:</source>
        <translation>M&amp;odell:</translation>
    </message>
    <message>
        <source>Share of the network&apos;s output: 100 % is fully restored, 70 % keeps 30 % of its input (more natural, a little noisier).</source>
        <translation>Anteil der Netzausgabe: 100 % ist voll restauriert, 70 % behält 30 % der Eingabe bei (natürlicher, etwas mehr Rauschen).</translation>
    </message>
    <message>
        <source>Mi&amp;x:</source>
        <translation>Ante&amp;il:</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Choose a model</source>
        <translation>Modell wählen</translation>
    </message>
    <message>
        <source>Shellac models (*.pt);;All files (*)</source>
        <translation>Shellac-Modelle (*.pt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Noise profile: %1–%2 s</source>
        <translation>Rauschprofil: %1–%2 s</translation>
    </message>
    <message>
        <source>Noise profile: quietest passages</source>
        <translation>Rauschprofil: leiseste Passagen</translation>
    </message>
    <message>
        <source>Also smooth clicks and &amp;pops</source>
        <translation>Auch weiche Klicks und &amp;Pops</translation>
    </message>
    <message>
        <source>A matched filter finds rounded clicks the sample-by-sample detector misses (their energy lies under the music&apos;s) and pops up to 40 ms, which are fitted and subtracted. On by default; off for the sample-by-sample detector alone.</source>
        <translation>Ein Optimalfilter findet abgerundete Klicks, die der Detektor Sample für Sample übersieht (ihre Energie liegt unter der der Musik), und Pops bis 40 ms, die angepasst und abgezogen werden. Standardmäßig an; aus für den Sample-für-Sample-Detektor allein.</translation>
    </message>
</context>
<context>
    <name>shellac::ui::SpectrogramLane</name>
    <message>
        <source>No audio</source>
        <translation>Kein Audio</translation>
    </message>
    <message>
        <source>Empty file</source>
        <translation>Leere Datei</translation>
    </message>
</context>
<context>
    <name>shellac::ui::TrainingCharts</name>
    <message>
        <source>Loss per step</source>
        <translation>Verlust pro Schritt</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>Verlust</translation>
    </message>
    <message>
        <source>Loss per epoch</source>
        <translation>Verlust pro Epoche</translation>
    </message>
    <message>
        <source>Epoch</source>
        <translation>Epoche</translation>
    </message>
    <message>
        <source>Synthetic ratio</source>
        <translation>Synthetischer Anteil</translation>
    </message>
    <message>
        <source>Share of synthetic examples</source>
        <translation>Anteil synthetischer Beispiele</translation>
    </message>
    <message>
        <source>Real-data metrics</source>
        <translation>Metriken auf echten Daten</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Rate</translation>
    </message>
    <message>
        <source>SI-SDR improvement</source>
        <translation>SI-SDR-Verbesserung</translation>
    </message>
    <message>
        <source>dB</source>
        <translation>dB</translation>
    </message>
    <message>
        <source>Supervised loss on synthetic examples and consistency loss on real transfers, after every optimisation step.</source>
        <translation>Überwachter Verlust auf synthetischen Beispielen und Konsistenzverlust auf echten Überspielungen, nach jedem Optimierungsschritt.</translation>
    </message>
    <message>
        <source>Epoch means of the supervised (synthetic) and consistency (real) losses. The gap between them should narrow as training goes on.</source>
        <translation>Epochenmittel des überwachten (synthetischen) und des Konsistenzverlusts (echt). Der Abstand zwischen beiden sollte im Lauf des Trainings kleiner werden.</translation>
    </message>
    <message>
        <source>Share of synthetic examples in each batch as the strategy scheduled it.</source>
        <translation>Anteil synthetischer Beispiele in jedem Batch, wie von der Strategie geplant.</translation>
    </message>
    <message>
        <source>Impulse removal rate on the real validation transfers (clicks found after / before) and transient preservation on clean audio (1 = onsets untouched).</source>
        <translation>Impulsentfernungsrate auf den echten Validierungsüberspielungen (gefundene Knackser nachher / vorher) und Transientenerhalt auf sauberem Audio (1 = Einsätze unverändert).</translation>
    </message>
    <message>
        <source>Median SI-SDR gain on the synthetic validation set, in dB.</source>
        <translation>Median des SI-SDR-Gewinns auf dem synthetischen Validierungsdatensatz, in dB.</translation>
    </message>
    <message>
        <source>Supervised</source>
        <translation>Überwacht</translation>
    </message>
    <message>
        <source>Consistency</source>
        <translation>Konsistenz</translation>
    </message>
    <message>
        <source>Impulse removal rate</source>
        <translation>Impulsentfernungsrate</translation>
    </message>
    <message>
        <source>Transient preservation</source>
        <translation>Transientenerhalt</translation>
    </message>
    <message>
        <source>%1: supervised</source>
        <translation>%1: überwacht</translation>
    </message>
    <message>
        <source>%1: consistency</source>
        <translation>%1: Konsistenz</translation>
    </message>
</context>
<context>
    <name>shellac::ui::TrainingDashboard</name>
    <message>
        <source>No run yet.</source>
        <translation>Noch kein Lauf.</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Starten</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>Abbre&amp;chen</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Pause</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>&amp;Fortsetzen</translation>
    </message>
    <message>
        <source>Add run to compare…</source>
        <translation>Lauf zum Vergleich hinzufügen…</translation>
    </message>
    <message>
        <source>Clear compared runs</source>
        <translation>Verglichene Läufe entfernen</translation>
    </message>
    <message>
        <source>Start a new training run in the run folder.</source>
        <translation>Einen neuen Trainingslauf im Lauf-Ordner starten.</translation>
    </message>
    <message>
        <source>Stop the run after the current step; completed epochs&apos; checkpoints are kept.</source>
        <translation>Den Lauf nach dem aktuellen Schritt beenden; die Checkpoints abgeschlossener Epochen bleiben erhalten.</translation>
    </message>
    <message>
        <source>Continue the run in the run folder from its last checkpoint.</source>
        <translation>Den Lauf im Lauf-Ordner ab seinem letzten Checkpoint fortsetzen.</translation>
    </message>
    <message>
        <source>Suspend the trainer where it is (it uses no CPU while paused) and continue it later.</source>
        <translation>Den Trainer an der aktuellen Stelle anhalten (er verbraucht dabei keine CPU) und später weiterlaufen lassen.</translation>
    </message>
    <message>
        <source>Overlay the losses of another run folder&apos;s metrics.jsonl on the loss-per-epoch chart.</source>
        <translation>Die Verluste aus der metrics.jsonl eines anderen Lauf-Ordners im Diagramm „Verlust pro Epoche“ überlagern.</translation>
    </message>
    <message>
        <source>Estimated time until the run finishes.</source>
        <translation>Geschätzte Zeit bis zum Ende des Laufs.</translation>
    </message>
    <message>
        <source>Run settings</source>
        <translation>Laufeinstellungen</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>Diagramme</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>Epochen</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>Checkpoints</source>
        <translation>Checkpoints</translation>
    </message>
    <message>
        <source>Unreadable progress line (%1)</source>
        <translation>Unlesbare Fortschrittszeile (%1)</translation>
    </message>
    <message>
        <source>Add run to compare</source>
        <translation>Lauf zum Vergleich hinzufügen</translation>
    </message>
    <message numerus="yes">
        <source>History of %1: %n epoch(s).</source>
        <translation>
            <numerusform>Verlauf von %1: %n Epoche.</numerusform>
            <numerusform>Verlauf von %1: %n Epochen.</numerusform>
        </translation>
    </message>
    <message>
        <source>C&amp;ontinue</source>
        <translation>We&amp;iter</translation>
    </message>
    <message>
        <source>Training…</source>
        <translation>Training läuft…</translation>
    </message>
    <message>
        <source>Paused: the trainer waits, using no CPU. Continue to go on.</source>
        <translation>Pausiert: Der Trainer wartet und verbraucht keine CPU. „Weiter“ setzt das Training fort.</translation>
    </message>
    <message>
        <source>Cancelling after the current step…</source>
        <translation>Abbruch nach dem aktuellen Schritt…</translation>
    </message>
    <message numerus="yes">
        <source>Finished: %n epoch(s).</source>
        <translation>
            <numerusform>Fertig: %n Epoche.</numerusform>
            <numerusform>Fertig: %n Epochen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled. Completed epochs&apos; checkpoints are kept; Resume continues.</source>
        <translation>Abgebrochen. Die Checkpoints abgeschlossener Epochen bleiben erhalten; „Fortsetzen“ macht weiter.</translation>
    </message>
    <message>
        <source>Stopped with an error.</source>
        <translation>Mit einem Fehler beendet.</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>ETA: –</source>
        <translation>Restzeit: –</translation>
    </message>
    <message>
        <source>ETA: %1 · epoch %2/%3, step %4/%5</source>
        <translation>Restzeit: %1 · Epoche %2/%3, Schritt %4/%5</translation>
    </message>
    <message>
        <source>Epoch %1: %2</source>
        <translation>Epoche %1: %2</translation>
    </message>
    <message>
        <source>The run may be unhealthy:</source>
        <translation>Der Lauf hat möglicherweise Probleme:</translation>
    </message>
</context>
<context>
    <name>shellac::ui::TrainingProgress</name>
    <message>
        <source>line %1: longer than %2 bytes without a line break; skipped</source>
        <translation>Zeile %1: länger als %2 Bytes ohne Zeilenumbruch; übersprungen</translation>
    </message>
    <message>
        <source>line %1: not JSON (%2): %3</source>
        <translation>Zeile %1: kein JSON (%2): %3</translation>
    </message>
    <message>
        <source>line %1: not a JSON object: %2</source>
        <translation>Zeile %1: kein JSON-Objekt: %2</translation>
    </message>
    <message>
        <source>%1: cannot read the run&apos;s metrics (%2)</source>
        <translation>%1: Die Metriken des Laufs können nicht gelesen werden (%2)</translation>
    </message>
    <message>
        <source>%1 line %2: not a JSON object; skipped</source>
        <translation>%1 Zeile %2: kein JSON-Objekt; übersprungen</translation>
    </message>
</context>
<context>
    <name>shellac::ui::TrainingRunController</name>
    <message>
        <source>A training run is already going; cancel it first.</source>
        <translation>Es läuft bereits ein Training; brechen Sie es zuerst ab.</translation>
    </message>
    <message>
        <source>Cannot find the trainer: %1 does not exist or is not executable.</source>
        <translation>Der Trainer wurde nicht gefunden: %1 existiert nicht oder ist nicht ausführbar.</translation>
    </message>
    <message>
        <source>Cannot start the trainer %1: %2</source>
        <translation>Der Trainer %1 kann nicht gestartet werden: %2</translation>
    </message>
    <message>
        <source>The metrics received so far are kept; Resume continues from the last completed epoch.</source>
        <translation>Die bisher empfangenen Metriken bleiben erhalten; „Fortsetzen“ macht ab der letzten abgeschlossenen Epoche weiter.</translation>
    </message>
    <message>
        <source>Training failed: %1</source>
        <translation>Training fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>The trainer (shellac-cli) crashed. %1</source>
        <translation>Der Trainer (shellac-cli) ist abgestürzt. %1</translation>
    </message>
    <message>
        <source>The trainer (shellac-cli) stopped unexpectedly with exit code %1. %2</source>
        <translation>Der Trainer (shellac-cli) wurde unerwartet mit Exit-Code %1 beendet. %2</translation>
    </message>
    <message>
        <source>The trainer (shellac-cli) stopped unexpectedly with exit code %1: %2 %3</source>
        <translation>Der Trainer (shellac-cli) wurde unerwartet mit Exit-Code %1 beendet: %2 %3</translation>
    </message>
</context>
<context>
    <name>shellac::ui::TrainingSettingsForm</name>
    <message>
        <source>Contrastive artifact loss</source>
        <translation>Kontrastiver Artefakt-Verlust</translation>
    </message>
    <message>
        <source>Clean music:</source>
        <translation>Saubere Musik:</translation>
    </message>
    <message>
        <source>Folder of clean recordings the model learns what music sounds like from. First-level subfolders are treated as genres.</source>
        <translation>Ordner mit sauberen Aufnahmen, an denen das Modell lernt, wie Musik klingt. Unterordner der ersten Ebene gelten als Genres.</translation>
    </message>
    <message>
        <source>Degraded transfers:</source>
        <translation>Beschädigte Überspielungen:</translation>
    </message>
    <message>
        <source>Folder of your real 78 rpm transfers (no clean references needed). Their clicks, crackle and noise are measured and used for training.</source>
        <translation>Ordner mit Ihren echten 78er-Überspielungen (keine sauberen Referenzen nötig). Ihre Knackser, ihr Knistern und ihr Rauschen werden gemessen und fürs Training verwendet.</translation>
    </message>
    <message>
        <source>Run folder:</source>
        <translation>Lauf-Ordner:</translation>
    </message>
    <message>
        <source>Where checkpoints, metrics.jsonl and model.pt are written. Choose an existing run folder to see its history or resume it.</source>
        <translation>Hier werden Checkpoints, metrics.jsonl und model.pt geschrieben. Einen vorhandenen Lauf-Ordner wählen, um seinen Verlauf zu sehen oder ihn fortzusetzen.</translation>
    </message>
    <message>
        <source>Synthetic</source>
        <translation>Synthetisch</translation>
    </message>
    <message>
        <source>Clean music with a generic 78 rpm damage profile.</source>
        <translation>Saubere Musik mit einem generischen 78er-Schadensprofil.</translation>
    </message>
    <message>
        <source>Adaptive</source>
        <translation>Adaptiv</translation>
    </message>
    <message>
        <source>Clean music with damage measured on your degraded transfers.</source>
        <translation>Saubere Musik mit den an Ihren beschädigten Überspielungen gemessenen Schäden.</translation>
    </message>
    <message>
        <source>Mixed</source>
        <translation>Gemischt</translation>
    </message>
    <message>
        <source>Adaptive synthetic examples plus your real transfers with consistency losses.</source>
        <translation>Adaptive synthetische Beispiele plus Ihre echten Überspielungen mit Konsistenzverlusten.</translation>
    </message>
    <message>
        <source>Curriculum</source>
        <translation>Curriculum</translation>
    </message>
    <message>
        <source>Like mixed, the synthetic share falling from 100 % to 30 % over the run.</source>
        <translation>Wie „Gemischt“, wobei der synthetische Anteil im Lauf von 100 % auf 30 % sinkt.</translation>
    </message>
    <message>
        <source>How synthetic and real examples are combined (hover an entry for details).</source>
        <translation>Wie synthetische und echte Beispiele kombiniert werden (für Details mit der Maus auf einen Eintrag zeigen).</translation>
    </message>
    <message>
        <source>Strategy:</source>
        <translation>Strategie:</translation>
    </message>
    <message>
        <source>Adds an InfoNCE loss that teaches an artifact embedding to tell synthetic from real clicks, and clicks from clean transients.</source>
        <translation>Fügt einen InfoNCE-Verlust hinzu, der einer Artefakt-Einbettung beibringt, synthetische von echten Knacksern und Knackser von sauberen Transienten zu unterscheiden.</translation>
    </message>
    <message>
        <source>Share of synthetic examples in each batch (mixed strategy); the rest are real transfers.</source>
        <translation>Anteil synthetischer Beispiele in jedem Batch (Strategie „Gemischt“); der Rest sind echte Überspielungen.</translation>
    </message>
    <message>
        <source>Synthetic ratio:</source>
        <translation>Synthetischer Anteil:</translation>
    </message>
    <message>
        <source>Passes over the training data. A checkpoint is written after each.</source>
        <translation>Durchläufe über die Trainingsdaten. Nach jedem wird ein Checkpoint geschrieben.</translation>
    </message>
    <message>
        <source>Epochs:</source>
        <translation>Epochen:</translation>
    </message>
    <message>
        <source>Examples per optimisation step. Larger batches need more memory.</source>
        <translation>Beispiele pro Optimierungsschritt. Größere Batches brauchen mehr Speicher.</translation>
    </message>
    <message>
        <source>Batch size:</source>
        <translation>Batchgröße:</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automatisch</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>CUDA GPU</source>
        <translation>CUDA-GPU</translation>
    </message>
    <message>
        <source>Automatic uses a CUDA GPU when one is available, else the CPU.</source>
        <translation>„Automatisch“ verwendet eine CUDA-GPU, wenn vorhanden, sonst die CPU.</translation>
    </message>
    <message>
        <source>Device:</source>
        <translation>Gerät:</translation>
    </message>
    <message>
        <source>All cores</source>
        <translation>Alle Kerne</translation>
    </message>
    <message>
        <source>CPU threads the trainer may use. Fewer keep the editor responsive while training.</source>
        <translation>CPU-Threads, die der Trainer verwenden darf. Weniger Threads halten den Editor während des Trainings reaktionsfähig.</translation>
    </message>
    <message>
        <source>CPU threads:</source>
        <translation>CPU-Threads:</translation>
    </message>
    <message>
        <source>supervised</source>
        <translation>überwacht</translation>
    </message>
    <message>
        <source>Synthetic examples: multi-resolution STFT + waveform L1 against the clean target. The main teacher; default 1.</source>
        <translation>Synthetische Beispiele: Multi-Resolution-STFT + Wellenform-L1 gegen das saubere Ziel. Der wichtigste Lehrer; Standard 1.</translation>
    </message>
    <message>
        <source>cycle</source>
        <translation>Zyklus</translation>
    </message>
    <message>
        <source>Synthetic examples: the output plus the known damage must give the input back. Default 0.2.</source>
        <translation>Synthetische Beispiele: Ausgabe plus bekannter Schaden müssen wieder die Eingabe ergeben. Standard 0,2.</translation>
    </message>
    <message>
        <source>consistency</source>
        <translation>Konsistenz</translation>
    </message>
    <message>
        <source>Real transfers (no clean reference): fewer impulses afterwards, spectral envelope and energy kept. Default 0.3; raise it when the model overfits to synthetic damage.</source>
        <translation>Echte Überspielungen (ohne saubere Referenz): danach weniger Impulse, spektrale Hüllkurve und Energie erhalten. Standard 0,3; erhöhen, wenn sich das Modell zu sehr an synthetische Schäden anpasst.</translation>
    </message>
    <message>
        <source>contrastive</source>
        <translation>kontrastiv</translation>
    </message>
    <message>
        <source>InfoNCE loss on artifact embeddings (only with the contrastive option). Default 0.1.</source>
        <translation>InfoNCE-Verlust auf Artefakt-Einbettungen (nur mit der kontrastiven Option). Standard 0,1.</translation>
    </message>
    <message>
        <source>Loss weights:</source>
        <translation>Verlustgewichte:</translation>
    </message>
    <message>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <source>Choose a folder</source>
        <translation>Ordner wählen</translation>
    </message>
    <message>
        <source>Paired copies:</source>
        <translation>Gepaarte Kopien:</translation>
    </message>
    <message>
        <source>Optional. Degraded copies of the clean files under the same relative paths, sample-aligned: training then learns from these pairs instead of synthesized damage.</source>
        <translation>Optional. Beschädigte Kopien der sauberen Dateien unter denselben relativen Pfaden, samplegenau ausgerichtet: Das Training lernt dann aus diesen Paaren statt aus synthetischen Schäden.</translation>
    </message>
    <message>
        <source>Post-filter of the hybrid restorer</source>
        <translation>Nachfilter des hybriden Restaurators</translation>
    </message>
    <message>
        <source>Train the network the hybrid restorer runs after the classical engine: the paired copies and the degraded transfers must then be the classical engine&apos;s restorations of whole files (scripts/train-default-model --post-filter makes them).</source>
        <translation>Trainiert das Netz, das der hybride Restaurator nach der klassischen Engine ausführt: Die gepaarten Kopien und die beschädigten Überspielungen müssen dann Restaurierungen ganzer Dateien durch die klassische Engine sein (scripts/train-default-model --post-filter erzeugt sie).</translation>
    </message>
    <message>
        <source>SI-SDR</source>
        <translation>SI-SDR</translation>
    </message>
    <message>
        <source>Inside the supervised term: minus the SI-SDR against the clean target (per 10 dB), so that less noise cannot be bought with distorted music. Default 0 (off); about 0.5 for long runs.</source>
        <translation>Im überwachten Term: minus das SI-SDR gegen das saubere Ziel (je 10 dB), damit weniger Rauschen nicht mit verzerrter Musik erkauft wird. Standard 0 (aus); etwa 0,5 für lange Läufe.</translation>
    </message>
</context>
<context>
    <name>shellac::ui::WaveformLane</name>
    <message>
        <source>L</source>
        <translation>L</translation>
    </message>
    <message>
        <source>R</source>
        <translation>R</translation>
    </message>
    <message>
        <source>No audio</source>
        <translation>Kein Audio</translation>
    </message>
</context>
</TS>

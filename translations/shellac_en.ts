<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>DatasetAnalysis</name>
    <message numerus="yes">
        <source>None of the %n degraded file(s) could be analysed; the first: %1</source>
        <translation>
            <numerusform>The %n degraded file could not be analysed: %1</numerusform>
            <numerusform>None of the %n degraded files could be analysed; the first: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Measured on %n real transfer(s)</source>
        <translation>
            <numerusform>Measured on %n real transfer</numerusform>
            <numerusform>Measured on %n real transfers</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DatasetScan</name>
    <message numerus="yes">
        <source>none of its %n audio file(s) can be read</source>
        <translation>
            <numerusform>its %n audio file cannot be read</numerusform>
            <numerusform>none of its %n audio files can be read</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NoiseProfile</name>
    <message>
        <source>noise range %1–%2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must start at 0 s or later and end after it starts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lies outside the recording, which is %1 s long</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>contains no audio (0 frames)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>damaged %1 file: the header is truncated or corrupt (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not an audio file: it contains text, not audio data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a recognised audio format (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no file name given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>file does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is a folder, not an audio file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is not a regular file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>permission denied: the file is not readable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>file is empty (0 bytes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unsupported sample rate %1 Hz (Shellac supports %2–%3 Hz)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unsupported channel count %1 (Shellac supports 1–%2 channels)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read error at frame %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>contains an invalid sample (NaN or infinity) at %1 (frame %2, channel %3)</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>output folder %1 is not writable (permission denied)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is a folder; give a file name for the output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>already exists (use --force to overwrite it)</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>processing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ends at frame %1, before the %2 frames its header states</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sample rate %1 Hz is outside 8000..192000</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 channels (1..8 supported)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>analysing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>calibrating the click detector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>analysed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>contains no audio frames</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>field &quot;%1&quot; %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a finite number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be 0 (none) or between %1 and %2, got %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be between %1 and %2, got %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must not exceed &quot;impulse_width_max_ms&quot; (%1 &gt; %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is not a known field of a degradation profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be %1 (the only version this Shellac reads), got %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be true or false</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a list of numbers (dB re the fundamental)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>may hold at most %1 harmonics, got %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a list of {&quot;freq_hz&quot;, &quot;gain_db&quot;, &quot;q&quot;} objects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>may hold at most %1 resonances, got %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be an object {&quot;freq_hz&quot;, &quot;gain_db&quot;, &quot;q&quot;}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is not a known field of a horn resonance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>may hold at most %1 harmonics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>may hold at most %1 resonances</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>profile file does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not valid JSON: %1 at offset %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a JSON object (a degradation profile)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown degradation preset (choose %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unsupported channel count %1 (Shellac supports 1–%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the recorded noise source is shorter than 0.1 s (%1 frames at %2 Hz)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the recorded noise source is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be between %1 and %2 (or off), got %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a noise range only makes sense with dehiss on; drop --dehiss off or --noise-from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be START-END in seconds with 0 &lt;= START &lt; END, got %1-%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the range %1-%2 s is shorter than 0.1 s, too short for a noise profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every restoration step is off; nothing to do</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the range %1-%2 s ends after the end of the recording (%3 s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>spectrogram FFT size %1 is not a power of two in %2–%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sample rate %1 Hz differs from %2 (%3 Hz)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>has %1 channels, %2 has %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>has %1 frames, %2 has %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a residual needs the output at the input&apos;s sample rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the residual must go to its own file, not the input or the output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be an object of question: answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be &quot;yes&quot;, &quot;no&quot; or &quot;unanswered&quot;, got %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a non-string value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be an ISO 8601 time such as &quot;2026-12-01T09:57:22.123Z&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>null</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a boolean</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an array</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is missing (expected %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be %1, got %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must not be empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a whole number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is a folder, not a project file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot be read (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is empty (0 bytes); it is not a Shellac project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is not valid JSON (%1 at line %2, column %3, byte %4); the file was not changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is not a Shellac project (the JSON is not an object)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is not a Shellac project (its &quot;format&quot; is &quot;%1&quot;, expected &quot;%2&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is not a Shellac project (no &quot;format&quot;: &quot;%1&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>was written by a newer Shellac (project version %1); this version reads up to %2. The file was not changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be 1 or more, got %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is not a valid uuid: &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>entry %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 must be an object, got %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (&quot;%2&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be &quot;new&quot;, &quot;restoring&quot;, &quot;restored&quot; or &quot;checked&quot;, got &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be an object, got %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be -1 (the original) or the index of one of its %1 takes, got %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>folder %1 does not exist; nothing was written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a file, not a folder; nothing was written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is a folder; give a file name for the project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the project has no uuid (use Project::createNew); nothing was written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>already exists and is not a project this Shellac can update (%1); it was not replaced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>already exists and holds another Shellac project (uuid %1); it was not replaced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot be written (%1); nothing was changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot be written (%1); the previous file is unchanged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot be written (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shellac project report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Crackles removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pops removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voice quality preserved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Natural sound</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generated %1 UTC by Shellac %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, %1 checked, %2 with all four answers yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a JSON object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>folder %1 does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>folder %1 is not writable (permission denied)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is a folder; give a file name for the report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a click entry is not [channel, start, length]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing field &quot;impulses&quot; (an array)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>impulse %1 lacks &quot;start&quot; or &quot;length&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a number or &quot;off&quot;, got %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>auto</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dehiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (noise %1–%2 s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>declick</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>decrackle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dehum %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rumble</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>default model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · mix %2 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected &quot;auto&quot;, &quot;50&quot;, &quot;60&quot; or &quot;off&quot;, got %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected [START, END] in seconds, got %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown setting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a noise range needs dehiss on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be between 0 and 1, got %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a whole number from 1, got %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is newer than this Shellac understands (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected &quot;dsp&quot;, &quot;neural&quot; or &quot;hybrid&quot;, got %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected an object, got %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a file path (&quot;&quot; for the default model), got %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a number from 0 to 1, got %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>classical: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>neural: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hybrid: %1, then %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ended at frame %1, before the frame %2 its header promised</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the selection %1–%2 (frames) is empty or inverted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the selection ends at frame %1, after the end of the recording (%2 frames)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the selection is %1 s long; a preview restores at most %2 s: use Restore file for longer passages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the preview context must be 0 s or more, got %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the noise range %1–%2 s is not inside the recording (%3 s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>restoring the selection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the %1 restorer returned %2 frames for %3 (it must keep the length)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no input file given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no output file given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is named twice (output, residual and report need files of their own)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot rename the finished file into place (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing to play: no original recording given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unusable audio output format: %1 Hz, %2 channels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: returned %2 frames at frame %3 where %4 were expected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>was deleted or moved while open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>was truncated while open: no audio left at frame %1 (the header said %2 frames)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 channels, but %2 has %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 frames placed at frame %2 run past the end of %3 (%4 frames)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>holds no audio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid sample rate %1 Hz</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 frames placed at frame %2 run past the end (%3 frames)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 frames, but %2 has %3 (A/B needs equal lengths)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 Hz, but %2 has %3 Hz</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share of events, %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (pulses off)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected true or false, got %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrainingRunSettings</name>
    <message>
        <source>Choose the folder of clean music.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the folder of real degraded transfers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a run folder for checkpoints and metrics.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A post-filter run needs the folder of paired classical restorations.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Restoration workstation for 78 rpm gramophone transfers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recordings or folders to open, or one project (.shellac).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>shellac::ui::ChecklistPanel</name>
    <message>
        <source>Listen to a quiet passage in Restored: is the dense frying/crackle gone?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Are the loud clicks and pops gone (compare with Original at the markers)?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listen to Residual: it should hold only noise, no consonants, no words, no melody.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Does Restored sound natural: no warbling (musical noise), no dullness, no pumping?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Crackles removed?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pops removed?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voice quality preserved?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Natural sound?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What you heard, what to redo, matrix number, speed…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a recording to check it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All four checks passed: this file is marked checked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checked, with problems noted: restore again or describe them in the notes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of 4 answered. Listen A/B (keys 1, 2, 3) before answering.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>shellac::ui::CheckpointList</name>
    <message>
        <source>A/B on current file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use as restorer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SI-SDR gain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Impulses removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transients kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validation SI-SDR improvement on synthetic damage, dB (higher is better)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share of impulses removed on the held-out real transfers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correlation of clean transients before and after (1 = untouched)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore the editor&apos;s selection with this model and play it looped: press 1 and 2 to compare Original and this model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make this model the project&apos;s restorer: the Restore panel switches to it, and shellac-cli restore --project uses it too</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>best.pt (best validation epoch)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>model.pt (latest epoch)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>epoch %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 dB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>shellac::ui::DatasetManager</name>
    <message>
        <source>Add folders to see what they hold.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Analyse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make e&amp;xample</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>▶ Real</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>▶ Synthetic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>■ Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Use for training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measure clicks, crackle, noise, hum and bandwidth on every readable degraded file (in the background; an hour of audio takes a few minutes).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the analysis; the last measured profile is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Degrade a few seconds of clean music with the measured profile and load it next to a real excerpt. Click again for the next files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play the excerpt of your real degraded transfer (switches instantly while playing).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play the clean excerpt degraded with the measured profile (switches instantly while playing).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put the clean and degraded folders into the training dashboard&apos;s run settings (several folders of a kind are combined as links).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clean music</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folders of clean recordings; first-level sub-folders are shown as genres.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Real degraded transfers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folders of your real 78 rpm transfers (no clean references needed).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unreadable files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measured on the real transfers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Analysing %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Analysis cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folders were combined (as links, nothing copied) in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected folder from the list (nothing is deleted on disk).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The degraded folders changed: click Analyse to measure them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scanning…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) cannot be read (see Unreadable files)</source>
        <translation>
            <numerusform>%n file cannot be read (see Unreadable files)</numerusform>
            <numerusform>%n files cannot be read (see Unreadable files)</numerusform>
        </translation>
    </message>
    <message>
        <source>Wait for the folder scan to finish.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No readable degraded files to analyse: add a folder of real transfers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Analysing %n file(s)…</source>
        <translation>
            <numerusform>Analysing %n file…</numerusform>
            <numerusform>Analysing %n files…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Analysed %n file(s).</source>
        <translation>
            <numerusform>Analysed %n file.</numerusform>
            <numerusform>Analysed %n files.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) could not be analysed: %1</source>
        <translation>
            <numerusform>%n file could not be analysed: %1</numerusform>
            <numerusform>%n files could not be analysed: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Analyse the degraded transfers first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An example needs readable clean and degraded files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Making an example from %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Real: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synthetic: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Real: %1 from %2. Synthetic: %3 from %4 with the measured profile (%n click(s) added).</source>
        <translation>
            <numerusform>Real: %1 from %2. Synthetic: %3 from %4 with the measured profile (%n click added).</numerusform>
            <numerusform>Real: %1 from %2. Synthetic: %3 from %4 with the measured profile (%n clicks added).</numerusform>
        </translation>
    </message>
    <message>
        <source>Measured profile restored from the project.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a folder of clean music</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a folder of real degraded transfers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Combining the folders…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>shellac::ui::DatasetProfileView</name>
    <message>
        <source>Click amplitudes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Peak, dB re programme RMS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click widths</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Width, ms (log scale)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drawn from the distribution the analyzer fitted (median and spread), not from a list of individual clicks: each bar is the share of events expected in its bin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clicks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Crackle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Impulse rate:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clicks and pops per second on each channel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pops:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share of the impulses that are long pops (wider than 6 ms).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Crackle:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Very short crackle events per second on each channel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click amplitude:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Median click peak relative to the music&apos;s RMS level, and its log-normal spread.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click width:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Median click duration and its spread in octaves.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Noise floor:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Surface hiss level (RMS) between the clicks, measured in the quietest moments.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Noise tilt:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slope of the hiss spectrum; negative means darker, rumbling noise.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hum:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Steady mains hum: its frequency, level and harmonics.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bandwidth:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recording&apos;s upper frequency limit (a fitted low-pass corner).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rumble:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turntable rumble below 30 Hz.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not measured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 clicks and pops/s per channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 % of the impulses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 events/s per channel, median %2 dB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>median %1 dB, spread %2 dB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no clicks found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>median %1 ms, spread %2 octaves</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 dBFS RMS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no hiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 dB/octave</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 Hz at %2 dBFS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, harmonics %1 dB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 kHz low-pass</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>full band (no low-pass found)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 dBFS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No analysis yet: add real degraded transfers and click Analyse.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Measured on %n file(s), %1 of audio.</source>
        <translation>
            <numerusform>Measured on %n file, %1 of audio.</numerusform>
            <numerusform>Measured on %n files, %1 of audio.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>shellac::ui::DatasetScan</name>
    <message>
        <source>does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is not a folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>scanning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no audio files (looked for %1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>shellac::ui::DatasetScanModel</name>
    <message>
        <source>%1 kHz</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mono</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stereo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder / genre</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sample rates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unreadable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clean music</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Real degraded transfers</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1: %n file(s), %2</source>
        <translation>
            <numerusform>%1: %n file, %2</numerusform>
            <numerusform>%1: %n files, %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>shellac::ui::EditorDocument</name>
    <message>
        <source>classical restoration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>neural restoration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hybrid restoration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>opening…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>new</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>restoring %1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>restored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>checked (problems noted)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>shellac::ui::EditorWidget</name>
    <message>
        <source>&lt;h2&gt;Drop recordings here&lt;/h2&gt;&lt;p&gt;WAV, FLAC, Ogg Vorbis or AIFF files, or whole folders of them.&lt;br&gt;Or use File ▸ Open (Ctrl+O). Your originals are never modified.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Residual (removed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom in around the playhead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom out around the playhead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom to &amp;Fit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the whole recording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom to &amp;Selection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the selection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;Residual Lane</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show what the restoration removed as its own lane</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Logarithmic Frequency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spectrogram frequency axis: logarithmic instead of linear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Play</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play or pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop and go back to where playing started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Loop Selection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeat the selection while playing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to S&amp;tart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the playhead to the start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Original</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Restored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resi&amp;dual</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listen to the original recording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listen to the restoration (or the selection preview)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listen to what the restoration removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Original</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spectrogram: Original</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spectrogram: Restored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spectrogram: Residual</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>   selection %1–%2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No audio device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Original, and the restored preview (green) inside the selection</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>shellac::ui::EpochTableModel</name>
    <message>
        <source>ok</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Epoch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervised</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consistency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synthetic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Impulses removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transients kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SI-SDR gain (dB)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time (s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Health</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>shellac::ui::ExportDialog</name>
    <message>
        <source>Export Restored Audio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Samples:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The extension chooses the format: .wav, .flac, .aif/.aiff or .ogg</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FLAC (*.flac);;WAV (*.wav);;AIFF (*.aif *.aiff);;Ogg Vorbis (*.ogg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a file ending in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>16-bit integer (CD)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>24-bit integer (archive)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>32-bit float</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vorbis (lossy)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That is the original recording: Shellac never writes over it. Choose another name.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>shellac::ui::FileListModel</name>
    <message>
        <source>%1 Hz</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sample rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>shellac::ui::MainWindow</name>
    <message>
        <source>Ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Shellac</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Opening %n file(s)…</source>
        <translation>
            <numerusform>Opening %n file…</numerusform>
            <numerusform>Opening %n files…</numerusform>
        </translation>
    </message>
    <message>
        <source>Audio files (%1);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open recordings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Shellac</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Shellac %1&lt;/h3&gt;&lt;p&gt;Restoration workstation for 78 rpm gramophone transfers.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) open</source>
        <translation>
            <numerusform>%n file open</numerusform>
            <numerusform>%n files open</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n could not be read (see the Status column)</source>
        <translation>
            <numerusform>%n could not be read (see the Status column)</numerusform>
            <numerusform>%n could not be read (see the Status column)</numerusform>
        </translation>
    </message>
    <message>
        <source>Restoration failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1

The original and earlier takes are unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listening Checklist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open Recordings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open audio files (or drop files and folders onto the window)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select &amp;None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Playback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train the neural restorer and watch its progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data&amp;sets…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose clean and real degraded folders, and measure the real transfers&apos; damage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Autosave failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The project&apos;s restore settings could not be read (%1); defaults are shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The project&apos;s training settings could not be read (%1); defaults are shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Datasets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The project&apos;s dataset folders could not be read (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Those files are already open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n checked</source>
        <translation>
            <numerusform>%n checked</numerusform>
            <numerusform>%n checked</numerusform>
        </translation>
    </message>
    <message>
        <source>Restorations are running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel the running restorations and quit? Finished takes are kept.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>shellac::ui::PlaybackController</name>
    <message>
        <source>No audio output device was found, so playback is off (everything else works). Connect a device or start the sound server (PipeWire or PulseAudio) to listen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Playback stopped: the audio output device was removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The audio device “%1” cannot play %2 Hz audio in any format Shellac can send.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the audio device “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Playback stopped: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Playback stopped: the audio device failed (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it could not be opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>input/output error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fatal error</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>shellac::ui::ProjectController</name>
    <message>
        <source>Shellac projects (*.shellac)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start an empty project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Project…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a .shellac project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the project (it also autosaves)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save Project &amp;As…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the project under a new name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export Restored Audio…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the current take of this file to a new file; the original is never touched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export &amp;Report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write every file&apos;s checklist, method and settings as CSV or HTML</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1

The project you had open was kept as it was.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Opened %1 (%n file(s))</source>
        <translation>
            <numerusform>Opened %1 (%n file)</numerusform>
            <numerusform>Opened %1 (%n files)</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot save the project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save project as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot recover the unsaved project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recover unsaved project?</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Shellac did not close cleanly last time. An unsaved project with %n file(s), last changed %1, can be reopened.</source>
        <translation>
            <numerusform>Shellac did not close cleanly last time. An unsaved project with %n file, last changed %1, can be reopened.</numerusform>
            <numerusform>Shellac did not close cleanly last time. An unsaved project with %n files, last changed %1, can be reopened.</numerusform>
        </translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the project?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This project is not saved yet: its file list, takes and checklists would be lost. Save it?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore the file first (Restore ▸ Restore File), then export the result.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (restored).flac</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace file?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 already exists. Replace it?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: that is the original recording; Shellac never writes over it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export cancelled; nothing was written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1

Nothing was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shellac report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTML page (*.html);;CSV spreadsheet (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shellac report: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write the report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report written to %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>shellac::ui::ProjectSession</name>
    <message>
        <source>%1: the file was deleted or moved while open; its takes and checklist are kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Untitled project</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>shellac::ui::RestoreController</name>
    <message>
        <source>&amp;Preview Selection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore only the selection, in memory, and play it looped as Restored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Restore File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore the whole file in the background; the result becomes a new take (undoable)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore &amp;Selected Files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore every file selected in the file list, one after the other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel Restoring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the running and queued restorations; nothing half-written is left behind</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Restoring %n file(s) in the background with %1</source>
        <translation>
            <numerusform>Restoring %n file in the background with %1</numerusform>
            <numerusform>Restoring %n files in the background with %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Previewing the selection with %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a recording in the editor first: the model is tried on its selection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The project now restores with %1 (the Restore panel, and shellac-cli restore --project)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restored %1 in %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restoring %1 was cancelled; nothing was written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview ready (%1 s): listening to Restored inside the selection; press 1 for Original</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restoring %1 (%2 of %3)…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>shellac::ui::RestorePanel</name>
    <message>
        <source>Classical (no training)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Neural (trained model)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hybrid (classical, then model)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Classical&lt;/b&gt;: AR-model declick, decrackle, dehum, dehiss and rumble filter. Needs no training.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Neural&lt;/b&gt;: the trained network (the bundled default model unless you choose one).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Hybrid&lt;/b&gt;: the classical chain, then the network as a post-filter for what it left (the bundled post-filter unless you choose a model). With the bundled post-filter installed it ranks first in the held-out evaluation (docs/RESULTS.md) and new projects start with it; otherwise they start with Classical.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Method:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Classical stages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De&amp;click, sensitivity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AR-model click and pop detection with least-squares interpolation. Sensitivity 1 finds only loud clicks, 10 the smallest ones (and risks touching sharp transients). Default 5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decrac&amp;kle, strength</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removes dense small impulses (surface crackle, hundreds per second). 0 is gentle, 10 strong. Default 5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De&amp;hum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>automatic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>50 Hz</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>60 Hz</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mains hum: automatic finds steady 50 or 60 Hz hum with its harmonics and never a bass note; 50/60 Hz force the search there (±2.5 Hz drift).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dehi&amp;ss, at most</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> dB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spectral noise reduction (decision-directed MMSE gain): lowers the surface hiss by at most this many dB. 8–15 dB sounds natural; more risks a dull, watery sound. Default 12 dB.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where the hiss profile is learned: the quietest passages, or a range you choose (ideally the lead-in groove before the music starts).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use selection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learn the noise profile from the selected range (select the lead-in groove first)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learn the noise profile from the quietest passages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Rumble filter below</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> Hz</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Linear-phase high-pass against turntable rumble. 20 Hz (default) is inaudible on music; 40–80 Hz for acoustic recordings, which hold nothing that low.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bundled default model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A model file trained with Training ▸ Dashboard or shellac-cli train (.pt). Empty: the model that ships with Shellac.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a model file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>M&amp;odel:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share of the network&apos;s output: 100 % is fully restored, 70 % keeps 30 % of its input (more natural, a little noisier).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mi&amp;x:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shellac models (*.pt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Noise profile: %1–%2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Noise profile: quietest passages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also smooth clicks and &amp;pops</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A matched filter finds rounded clicks the sample-by-sample detector misses (their energy lies under the music&apos;s) and pops up to 40 ms, which are fitted and subtracted. On by default; off for the sample-by-sample detector alone.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>shellac::ui::SpectrogramLane</name>
    <message>
        <source>No audio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Empty file</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>shellac::ui::TrainingCharts</name>
    <message>
        <source>Loss per step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loss per epoch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Epoch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synthetic ratio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share of synthetic examples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Real-data metrics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SI-SDR improvement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervised loss on synthetic examples and consistency loss on real transfers, after every optimisation step.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Epoch means of the supervised (synthetic) and consistency (real) losses. The gap between them should narrow as training goes on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share of synthetic examples in each batch as the strategy scheduled it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Impulse removal rate on the real validation transfers (clicks found after / before) and transient preservation on clean audio (1 = onsets untouched).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Median SI-SDR gain on the synthetic validation set, in dB.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervised</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consistency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Impulse removal rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transient preservation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: supervised</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: consistency</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>shellac::ui::TrainingDashboard</name>
    <message>
        <source>No run yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add run to compare…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear compared runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start a new training run in the run folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the run after the current step; completed epochs&apos; checkpoints are kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue the run in the run folder from its last checkpoint.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suspend the trainer where it is (it uses no CPU while paused) and continue it later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overlay the losses of another run folder&apos;s metrics.jsonl on the loss-per-epoch chart.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Estimated time until the run finishes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Charts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checkpoints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unreadable progress line (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add run to compare</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>History of %1: %n epoch(s).</source>
        <translation>
            <numerusform>History of %1: %n epoch.</numerusform>
            <numerusform>History of %1: %n epochs.</numerusform>
        </translation>
    </message>
    <message>
        <source>C&amp;ontinue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused: the trainer waits, using no CPU. Continue to go on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling after the current step…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Finished: %n epoch(s).</source>
        <translation>
            <numerusform>Finished: %n epoch.</numerusform>
            <numerusform>Finished: %n epochs.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled. Completed epochs&apos; checkpoints are kept; Resume continues.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped with an error.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ETA: –</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ETA: %1 · epoch %2/%3, step %4/%5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Epoch %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The run may be unhealthy:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>shellac::ui::TrainingProgress</name>
    <message>
        <source>line %1: longer than %2 bytes without a line break; skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line %1: not JSON (%2): %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line %1: not a JSON object: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: cannot read the run&apos;s metrics (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 line %2: not a JSON object; skipped</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>shellac::ui::TrainingRunController</name>
    <message>
        <source>A training run is already going; cancel it first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot find the trainer: %1 does not exist or is not executable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot start the trainer %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The metrics received so far are kept; Resume continues from the last completed epoch.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The trainer (shellac-cli) crashed. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The trainer (shellac-cli) stopped unexpectedly with exit code %1. %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The trainer (shellac-cli) stopped unexpectedly with exit code %1: %2 %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>shellac::ui::TrainingSettingsForm</name>
    <message>
        <source>Contrastive artifact loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clean music:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder of clean recordings the model learns what music sounds like from. First-level subfolders are treated as genres.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Degraded transfers:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder of your real 78 rpm transfers (no clean references needed). Their clicks, crackle and noise are measured and used for training.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where checkpoints, metrics.jsonl and model.pt are written. Choose an existing run folder to see its history or resume it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synthetic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clean music with a generic 78 rpm damage profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adaptive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clean music with damage measured on your degraded transfers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mixed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adaptive synthetic examples plus your real transfers with consistency losses.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Curriculum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Like mixed, the synthetic share falling from 100 % to 30 % over the run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How synthetic and real examples are combined (hover an entry for details).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strategy:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adds an InfoNCE loss that teaches an artifact embedding to tell synthetic from real clicks, and clicks from clean transients.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share of synthetic examples in each batch (mixed strategy); the rest are real transfers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synthetic ratio:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passes over the training data. A checkpoint is written after each.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Epochs:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Examples per optimisation step. Larger batches need more memory.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch size:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CUDA GPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic uses a CUDA GPU when one is available, else the CPU.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All cores</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU threads the trainer may use. Fewer keep the editor responsive while training.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU threads:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>supervised</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synthetic examples: multi-resolution STFT + waveform L1 against the clean target. The main teacher; default 1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cycle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synthetic examples: the output plus the known damage must give the input back. Default 0.2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>consistency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Real transfers (no clean reference): fewer impulses afterwards, spectral envelope and energy kept. Default 0.3; raise it when the model overfits to synthetic damage.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>contrastive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>InfoNCE loss on artifact embeddings (only with the contrastive option). Default 0.1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loss weights:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paired copies:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional. Degraded copies of the clean files under the same relative paths, sample-aligned: training then learns from these pairs instead of synthesized damage.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Post-filter of the hybrid restorer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train the network the hybrid restorer runs after the classical engine: the paired copies and the degraded transfers must then be the classical engine&apos;s restorations of whole files (scripts/train-default-model --post-filter makes them).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SI-SDR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inside the supervised term: minus the SI-SDR against the clean target (per 10 dB), so that less noise cannot be bought with distorted music. Default 0 (off); about 0.5 for long runs.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>shellac::ui::WaveformLane</name>
    <message>
        <source>L</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No audio</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>

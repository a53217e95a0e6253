#pragma once

// Private to core/audio: translation between libsndfile format codes and AudioFormat.

#include "audio/AudioFormat.h"

#include <sndfile.h>

namespace shellac {

/// Container/encoding/shape of an open file as an AudioFormat.
AudioFormat formatFromSndfile(SNDFILE* file, const SF_INFO& info);

/// libsndfile's SF_FORMAT_* code for a writable container and encoding (0 when not writable).
int sndfileFormatCode(Container container, SampleEncoding encoding);

} // namespace shellac

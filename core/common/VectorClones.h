#pragma once

/// SHELLAC_VECTOR_CLONES before a hot numeric function compiles it twice, for the distribution's
/// baseline x86-64 (SSE2: 2 doubles per vector) and for AVX2 (4), and picks one when the program
/// loads (GCC/Clang function multi-versioning, an ifunc resolver). Without FMA on purpose: the
/// kernels it marks keep explicit partial sums, so both versions add in the same order and give
/// bit-identical results on every machine. Elsewhere (other CPUs or compilers) it is empty.
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__)) && !defined(SHELLAC_NO_VECTOR_CLONES)
#define SHELLAC_VECTOR_CLONES __attribute__((target_clones("avx2", "default")))
#else
#define SHELLAC_VECTOR_CLONES
#endif

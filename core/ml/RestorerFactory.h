#pragma once

// Torch-free on purpose: ui/ includes this header (ARCHITECTURE.md, Qt keywords vs LibTorch).
#include "common/Result.h"
#include "restore/RestorationSettings.h"
#include "restore/Restorer.h"

#include <QDateTime>
#include <QString>

#include <map>
#include <memory>
#include <mutex>
#include <vector>

namespace shellac::ml {

class NeuralModel;

/// Makes a fresh Restorer for a RestorationSettings — dsp::DspRestorer, ml::NeuralRestorer or
/// HybridRestorer (the classical chain, then the network), as `shellac-cli restore --method`
/// does — and keeps the models it loads, so that restoring many files in a row (or previewing
/// selection after selection) does not reload the model each time.
///
/// Model cache: keyed by the model file's absolute path; an entry is reloaded when the file's
/// modification time or size changed (a retrained model promoted under the same name). Because
/// a NeuralModel must not be used by two threads at once, the cache hands out an instance that
/// no other restorer holds at the moment and loads another copy when all are in use (so two
/// workers restoring in parallel each get their own; memory is one model per concurrent user).
///
/// Threading: every method may be called from any thread (the cache is guarded by a mutex;
/// a model load runs under it, on the calling thread: call makeRestorer() from a worker, never
/// the GUI thread). The restorers it returns follow Restorer's rules (one thread per instance).
/// LibTorch is loaded (initialiseTorchRuntime(), all usable CPUs) with the first model, not
/// before: a factory that only makes classical restorers never loads it.
class RestorerFactory {
public:
    RestorerFactory();
    ~RestorerFactory();
    RestorerFactory(const RestorerFactory&) = delete;
    RestorerFactory& operator=(const RestorerFactory&) = delete;

    /// The process-wide factory (its cache is shared by everything that restores in the GUI).
    static RestorerFactory& shared();

    /// The bundled model for `method` from the first of <executable dir>/../share/shellac/models
    /// (installed) and <source tree>/resources/models (developer builds) that has one: for the
    /// hybrid the post-filter (post-filter.pt, trained behind the classical engine) when that
    /// folder has it, else its default.pt; for the neural method default.pt. Empty when none.
    static QString defaultModelPath(RestorationMethod method = RestorationMethod::Neural);

    /// What a new project's Restore panel starts with, and what a project without restore
    /// settings restores with (shellac-cli restore --project): the hybrid with the bundled
    /// post-filter (method Hybrid, modelPath empty) when defaultModelPath(Hybrid) is a
    /// post-filter.pt and the LibTorch plugin is there, as `shellac-cli restore` without
    /// --method does (that pair ranks first in docs/RESULTS.md); otherwise the classical engine.
    /// Default classical knobs either way. Looks at files only (loads neither LibTorch nor the
    /// model, so the GUI thread may call it); a model that then fails to load is reported by
    /// makeRestorer(). Any thread.
    static RestorationSettings recommendedSettings();

    /// The model file `settings` names (modelPath, else defaultModelPath(method)); an Error when
    /// the method uses a model and there is none, or it does not exist or is not a file (the
    /// subject is the path). Empty string for the dsp method.
    static Result<QString> modelPathFor(const RestorationSettings& settings);

    /// A fresh restorer for one stream. Validates `settings` first (errors name the field),
    /// loads the model through the cache when the method needs one (errors name the model file),
    /// and runs the network on CUDA when LibTorch has it, else on the CPU. A post-filter model
    /// is refused for the neural method (checkModelUse()).
    Result<std::unique_ptr<Restorer>> makeRestorer(const RestorationSettings& settings);

    /// A loaded model for `path` that no other caller currently holds (see the class comment).
    Result<std::shared_ptr<NeuralModel>> model(const QString& path);

    /// Drops every cached model (instances in use live on until their restorers are gone).
    void clearCache();
    /// How many times a model file was read from disk (for tests and diagnostics).
    int loadCount() const;

private:
    struct Entry {
        QDateTime modified;
        qint64 size = 0;
        std::vector<std::shared_ptr<NeuralModel>> models;
    };
    mutable std::mutex m_mutex;
    std::map<QString, Entry> m_cache;
    int m_loads = 0;
};

} // namespace shellac::ml

#!/usr/bin/env bash
# House rules that the compiler cannot see (ARCHITECTURE.md):
#  - core/ is GUI-free: no QtGui/QtWidgets headers;
#  - torch headers only in core/ml/torch/, the LibTorch plugin (libshellac_torch.so), whose
#    private headers nothing outside core/ml includes; the rest of core/ml reaches it through
#    TorchBackend, so that only what uses a model loads LibTorch;
#  - the top level holds exactly the agreed folders.
set -u
root="${1:?usage: check_layout.sh PROJECT_ROOT}"
cd "$root" || exit 2
status=0
complain() { echo "architecture: $*" >&2; status=1; }

gui=$(grep -rlE '#include *<(QtWidgets|QtGui|QtMultimedia)|#include *<Q(Widget|Painter|Image|Pixmap|Color|MainWindow|Application|GuiApplication)>' core || true)
[ -n "$gui" ] && complain "GUI headers in core/: $gui"

torch=$(grep -rlE '#include *[<"](torch|ATen|c10)/' app ui core tests | grep -v '^core/ml/torch/' || true)
[ -n "$torch" ] && complain "torch headers outside the plugin core/ml/torch/ (go through ml/TorchBackend.h): $torch"
private=$(grep -rlE '#include *"ml/torch/' app ui core tests | grep -v '^core/ml/' || true)
[ -n "$private" ] && complain "core/ml/torch/ (private, LibTorch) included outside core/ml: $private"

for d in CMakeLists.txt app core ui resources translations tests packaging; do
    [ -e "$d" ] || complain "missing top-level entry: $d"
done
for e in *; do
    case "$e" in
        CMakeLists.txt|app|core|ui|resources|translations|tests|packaging|scripts|README.md|bench|docs|build|build-*|data|test_audio) ;;
        *) complain "unexpected top-level entry: $e" ;;
    esac
done

[ $status -eq 0 ] && echo "architecture: all rules hold"
exit $status

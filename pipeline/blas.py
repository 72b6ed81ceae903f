"""The matrix products of spaCy's models done by numpy's BLAS, on one thread, instead of thinc's BLIS.

Most of the time of spaCy's models is matrix products (thinc's ``Ops.gemm``: the layers of the encoders,
the features the parser and the entity recognizer precompute). thinc does them with the BLIS its wheel
ships, which picks its kernels by the processor it recognizes; on one it does not recognize it runs its
portable ones ('generic': an AMD EPYC with AVX-512, where ``BLIS_ARCH_DEBUG=1`` says so), at about a third of
what numpy's BLAS (OpenBLAS) does on one thread (32 against 90 GFLOPS on the encoder's 4,200 × 288 × 288
product; a third of the CPU of ``faits run`` on real news went there). thinc has the switch for it
(``NumpyOps(use_blis=False)``: its generic ``Ops.gemm``, ``numpy.dot``); :func:`use_numpy_blas` sets it on
every layer of a loaded pipeline.

The product sums in another order, so a float can differ in its last bits (as between two processors
BLIS recognizes differently); on 312,584 tokens of 600 articles not one tag, lemma, morphology, head,
dependency or entity changed, and the facts table is the same (bench/speed7.md).

One thread: OpenBLAS splits each product over every core, which on this size costs more CPU than it saves
(and a second worker already uses the other core); the limit holds during each product only, and the
process's own setting is put back after it (2.7 µs a product). Where numpy's BLAS cannot be told its threads
(no library :mod:`threadpoolctl` knows) or ``FAITS_GEMM=thinc`` is set, thinc's BLIS stays.
"""

from __future__ import annotations

import os

from thinc.api import NumpyOps

GEMM_ENV = "FAITS_GEMM"
# the BLAS libraries behind numpy whose threads threadpoolctl sets (its ``internal_api`` names)
_KNOWN = ("openblas", "mkl", "blis", "flexiblas")


class NumpyBlasOps(NumpyOps):
    """thinc's CPU operations with the matrix product of numpy's BLAS, each product on one thread."""

    name = "numpy"

    def __init__(self, libraries: list, **kwargs) -> None:
        super().__init__(use_blis=False, **kwargs)
        self._libraries = libraries

    def gemm(self, x, y, *, out=None, trans1=False, trans2=False):
        before = [lib.get_num_threads() for lib in self._libraries]
        for lib in self._libraries:
            lib.set_num_threads(1)
        try:
            return super().gemm(x, y, out=out, trans1=trans1, trans2=trans2)
        finally:
            for lib, n in zip(self._libraries, before, strict=True):
                lib.set_num_threads(n)

    def __reduce__(self):
        # a pickled pipeline (sent to another process) gets that process's own (its library handles are not
        # picklable), or thinc's where it has none
        return (_unpickled_ops, ())


def _unpickled_ops() -> NumpyOps:
    return numpy_blas_ops() or NumpyOps()


def _blas_libraries() -> list | None:
    """threadpoolctl's handles on the BLAS numpy loaded, None when it has none it knows."""
    try:
        from threadpoolctl import ThreadpoolController
    except ImportError:
        return None
    import numpy  # noqa: F401  (its BLAS must be loaded to be found)

    found = [lib for lib in ThreadpoolController().lib_controllers
             if lib.user_api == "blas" and lib.internal_api in _KNOWN]
    return found or None


_OPS: list[NumpyBlasOps | None] = []


def numpy_blas_ops() -> NumpyBlasOps | None:
    """The operations :func:`use_numpy_blas` sets (one per process), None where thinc's stay."""
    if os.environ.get(GEMM_ENV, "").strip().lower() == "thinc":
        return None
    if not _OPS:
        libraries = _blas_libraries()
        _OPS.append(NumpyBlasOps(libraries) if libraries else None)
    return _OPS[0]


def use_numpy_blas(nlp) -> bool:
    """Have every layer of ``nlp``'s models that runs on thinc's CPU operations (``NumpyOps`` itself, not a
    GPU's or another backend's) do its matrix products with numpy's BLAS; whether it was done."""
    ops = numpy_blas_ops()
    if ops is None:
        return False
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if not hasattr(model, "walk"):
            continue
        for layer in model.walk():
            if type(layer.ops) is NumpyOps:
                layer.ops = ops
    return True

"""Properties of selection and ordering over every built-in check (issue 3, "Done means").

- Ignoring a code (or a prefix) removes exactly the findings of the codes it names, and nothing else.
- Selecting a code gives exactly that code's findings from a full run.
- The same register and date give the same findings whatever the order of the register's lists and of each
  meeting's lists.
"""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from coproduction.checks import builtin_registry
from coproduction.policy import Policy
from tests import strategies as shared
from tests.checks.acc_builders import registers as odd_registers
from tests.checks.acc_builders import shuffled
from tests.vouched import check_any_register as check_register

CODES = [check.code for check in builtin_registry()]
PREFIXES = sorted({code[:n] for code in CODES for n in (2, 4)})
REGISTERS = st.one_of(shared.registers(), odd_registers())
AS_OF = st.dates(min_value=date(2024, 1, 1), max_value=date(2027, 12, 31))
POLICY = Policy()


@given(REGISTERS, AS_OF, st.sampled_from(CODES))
def test_ignoring_a_code_removes_exactly_its_findings(register, as_of, code):
    full = check_register(register, as_of=as_of, policy=POLICY).findings
    ignored = check_register(register, as_of=as_of, policy=POLICY, ignore=[code]).findings
    assert list(ignored) == [f for f in full if f.code != code]
    selected = check_register(register, as_of=as_of, policy=POLICY, select=[code]).findings
    assert list(selected) == [f for f in full if f.code == code]


@given(REGISTERS, AS_OF, st.sampled_from(PREFIXES))
def test_ignoring_a_prefix_removes_exactly_its_codes(register, as_of, prefix):
    full = check_register(register, as_of=as_of, policy=POLICY).findings
    ignored = check_register(register, as_of=as_of, policy=POLICY, ignore=[prefix.lower()]).findings
    assert list(ignored) == [f for f in full if not f.code.startswith(prefix)]


@given(st.data(), REGISTERS, AS_OF)
def test_same_findings_for_any_order_of_input_lists(data, register, as_of):
    reordered = shuffled(register, data.draw)
    first = check_register(register, as_of=as_of, policy=POLICY).findings
    assert check_register(reordered, as_of=as_of, policy=POLICY).findings == first
    assert check_register(register, as_of=as_of, policy=POLICY).findings == first

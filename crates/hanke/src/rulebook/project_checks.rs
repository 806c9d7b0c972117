//! The checks of a project under its period's rules — *hankkeen tarkistus*:
//! [`Project::validate`] runs the model's own consistency checks, then the
//! rulebook's (the cost model against the period's limits), then the funding
//! decision's. It lives here, above the model, because the model does not
//! know the rulebook.

use crate::finding::Finding;
use crate::funding::Stage;
use crate::project::Project;

use super::{CostContext, Rulebook};

impl Project {
    /// Every finding about the project's own consistency: placement against the
    /// programme catalogue and the code series, implementers, area codes, the
    /// financing plan and the roll-up of a group project's budgets — and its
    /// cost model against its period's rulebook.
    pub fn validate(&self) -> Vec<Finding> {
        let mut out = Vec::new();
        self.check_consistency(&mut out);
        self.check_cost_model(&mut out);
        self.check_decision(&mut out);
        out
    }

    /// The rulebook of the project (see [`Rulebook::for_project`]).
    pub fn rulebook(&self) -> Option<&'static Rulebook> {
        Rulebook::for_project(self)
    }

    fn check_cost_model(&self, out: &mut Vec<Finding>) {
        let (Some(model), Some(rb)) = (&self.cost_model, self.rulebook()) else {
            return;
        };
        // The total cost for Art 53(2): the computed eligible budget, else the plan's total.
        let computed = self
            .budget_computation()
            .and_then(Result::ok)
            .map(|b| b.eligible_total);
        let total = computed.or_else(|| {
            [Stage::Planned, Stage::Granted]
                .into_iter()
                .find_map(|s| self.funding_plan.total(s).ok().flatten())
        });
        // Public support for the 2014–2020 thresholds: the public total at
        // the granted stage, else the planned one.
        let public_support = [Stage::Granted, Stage::Planned].into_iter().find_map(|s| {
            self.funding_plan.public_total.get(s).or_else(|| {
                self.funding_plan
                    .sum_where(s, |src| src.is_public() == Some(true))
                    .ok()
                    .flatten()
            })
        });
        let mut context = CostContext::with_total(total, self.state_aid);
        context.public_support = public_support;
        context.fund = self.fund();
        context.start = self.period.map(|p| p.start().first_day());
        out.extend(rb.check_cost_model(model, &context));
    }
}

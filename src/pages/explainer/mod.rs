//! Explainer: the two roles side by side, the organisation switch, the hierarchy ladder,
//! the ceremonies map and the debates — and a presenter mode for the projector.

mod cite;
mod differs;
mod handout;
mod presenter;

use cite::cite;
use differs::says_otherwise;

use crate::components::{PageHead, Section, WideTable};
use crate::content::{
    level_blurb, org_guidance, Ceremony, Debate, Dimension, Involvement, CEREMONIES, DEBATES,
    DIMENSIONS,
};
use crate::model::{Command, Level, RoleSetting};
use crate::route::{Page, Route};
use crate::state::AppState;
use leptos::prelude::*;

#[component]
pub fn ExplainerPage() -> impl IntoView {
    let state = AppState::expect();
    // The presenter's slide is in the URL (`at=present-3`), so a reload, or Escape and
    // Present again, resumes where the trainer was.
    let slide = Memo::new(move |_| {
        state.route.with(|r| {
            r.focus
                .as_deref()
                .and_then(|f| f.strip_prefix("present"))
                .map(|n| {
                    n.trim_start_matches('-')
                        .parse::<usize>()
                        .map_or_else(|_| presenter::last_slide(), |n| n.saturating_sub(1))
                })
        })
    });
    let presenting = Memo::new(move |_| slide.get().is_some());
    crate::components::dialog::return_focus_on_close(move || presenting.get());
    // Scroll to the section the URL names (e.g. from a hat badge).
    Effect::new(move |_| {
        if let Some(focus) = state.route.with(|r| r.focus.clone()) {
            if !focus.starts_with("present") {
                // A comparison row is a <details>: opened, and its summary (which can
                // take the focus) is where the jump lands.
                if let Some(row) = document()
                    .get_element_by_id(&focus)
                    .filter(|_| focus.starts_with("dim-"))
                {
                    row.set_attribute("open", "").ok();
                    crate::focus::reveal_id_next_frame(format!("{focus}-summary"));
                } else {
                    crate::focus::reveal_id_next_frame(focus);
                }
            }
        }
    });
    let present = move |_| {
        presenter::enter_fullscreen();
        state.show_focus(Some(format!("present-{}", presenter::last_slide() + 1)));
    };
    view! {
        <PageHead
            title="Explainer: who does what"
            lead="The Product Manager looks outward and far ahead; the Product Owner looks inward, at this sprint and the next. Pick how your organisation splits the work, then explore each difference."
        >
            <button type="button" class="btn btn--primary" on:click=present data-testid="present">
                "Present (full screen, ← →)"
            </button>
            <button type="button" class="btn" on:click=move |_| { window().print().ok(); } data-testid="print-handout">
                "Print handout"
            </button>
        </PageHead>
        <nav class="toc" aria-label="On this page">
            <a href="#/explainer?at=org-title">"Organisation"</a>
            <a href="#/explainer?at=compare-title">"Side by side"</a>
            <a href="#/explainer?at=ladder-title">"Hierarchy"</a>
            <a href="#/explainer?at=ceremonies-title">"Ceremonies"</a>
            <a href="#/explainer?at=debates-title">"Debates"</a>
        </nav>
        <OrgSwitch />
        <Compare />
        <Ladder />
        <Ceremonies />
        <Debates />
        <handout::Handout />
        <Show when=move || presenting.get()>
            <presenter::Presenter
                start=slide.get_untracked().unwrap_or(0)
                on_move=move |i| state.show_focus(Some(format!("present-{}", i + 1)))
                on_close=move || {
                    presenter::leave_fullscreen();
                    state.show_focus(None);
                }
            />
        </Show>
    }
}

#[component]
fn OrgSwitch() -> impl IntoView {
    let state = AppState::expect();
    let roles = move || state.ws.with(|w| w.roles);
    let set = move |r: RoleSetting| {
        if roles() != r {
            let _ = state.dispatch(Command::SetRoles(r));
        }
    };
    view! {
        <section class="section org-switch" aria-labelledby="org-title">
            <h2 id="org-title" tabindex="-1">"How does your organisation split the roles?"</h2>
            <div class="segmented" role="radiogroup" aria-labelledby="org-title" data-testid="org-switch">
                {RoleSetting::ALL
                    .into_iter()
                    .map(|r| view! {
                        <label class="segmented__option" class:segmented__option--on=move || roles() == r>
                            <input type="radio" name="org" value=r.key() prop:checked=move || roles() == r on:change=move |_| set(r) />
                            {r.label()}
                        </label>
                    })
                    .collect_view()}
            </div>
            {move || {
                let (who, watch, sources) = org_guidance(roles());
                view! {
                    <div class="org-switch__guidance" data-testid="org-guidance">
                        <p><strong>"Who does what: "</strong>{who}</p>
                        <p><strong>"What to watch for: "</strong>{watch}</p>
                        {cite(sources)}
                    </div>
                }
            }}
            <p class="muted">"The hat badges across the whole app follow this setting. It is saved with your workspace and can be undone."</p>
        </section>
    }
}

#[component]
fn Compare() -> impl IntoView {
    let focus = RwSignal::new(None::<&'static str>);
    view! {
        <Section name="compare" title="The two roles, side by side" focusable=true>
            <div class="chips" role="group" aria-label="Focus on one dimension">
                <button type="button" class="chip" aria-pressed=move || focus.get().is_none().to_string() on:click=move |_| focus.set(None)>"All"</button>
                {DIMENSIONS.iter().map(|d| {
                    let key = d.key;
                    view! {
                        <button type="button" class="chip" aria-pressed=move || (focus.get() == Some(key)).to_string() on:click=move |_| focus.set(Some(key)) data-testid="dimension-chip">
                            {d.name}
                        </button>
                    }
                }).collect_view()}
            </div>
            <div class="compare">
                <div class="compare__head" aria-hidden="true">
                    <span></span>
                    <span class="compare__role compare__role--pm">"Product Manager"</span>
                    <span class="compare__role compare__role--po">"Product Owner"</span>
                </div>
                {DIMENSIONS.iter().map(|d| {
                    let d = *d;
                    view! {
                        <Show when=move || focus.get().is_none_or(|k| k == d.key)>
                            <DimensionRow d=d open=focus.get_untracked() == Some(d.key) />
                        </Show>
                    }
                }).collect_view()}
            </div>
        </Section>
    }
}

#[component]
fn DimensionRow(d: Dimension, open: bool) -> impl IntoView {
    view! {
        <details class="compare__row" id=format!("dim-{}", d.key) open=open data-testid="dimension">
            <summary id=format!("dim-{}-summary", d.key)>
                <span class="compare__name">{d.name}</span>
                <span class="compare__pm"><span class="sr-only">"Product Manager: "</span>{d.pm}</span>
                <span class="compare__po">
                    <span class="sr-only">"Product Owner: "</span>{d.po}
                    {d.po_differs.map(|n| view! {
                        <span class="says-otherwise__flag">{format!("{} says otherwise: open for details", n.who())}</span>
                    })}
                </span>
            </summary>
            <div class="compare__more">
                <p><strong>"PM: "</strong>{d.pm_more}</p>
                <p><strong>"PO: "</strong>{d.po_more}</p>
                {d.po_differs.map(says_otherwise)}
                <p class="sources-label">"Sources:"</p>
                {cite(d.sources)}
            </div>
        </details>
    }
}

#[component]
fn Ladder() -> impl IntoView {
    let state = AppState::expect();
    let editor = move |level: Level| -> (Page, &'static str) {
        match level {
            Level::Portfolio => (Page::Home, "See the portfolio"),
            Level::Product | Level::Objective | Level::Theme => {
                (Page::Hierarchy, "Open in the hierarchy")
            }
            Level::Feature => (Page::Roadmap, "Open the roadmap"),
            Level::Item | Level::Sprint => (Page::Backlog, "Open the backlog"),
        }
    };
    view! {
        <Section name="ladder" title="The hierarchy, and who owns each level" focusable=true>
            <p class="muted">"From the portfolio down to backlog items. Each level opens in its editor, on your own product."</p>
            <ol class="ladder" data-testid="ladder">
                {Level::ALL
                    .into_iter()
                    .map(|level| {
                        let (page, label) = editor(level);
                        let href = move || Route::page(page).with_product(state.product.get()).href();
                        view! {
                            <li class="ladder__step" id=format!("level-{}", level.key()) tabindex="-1">
                                <div class="ladder__name">
                                    <HatMark level=level />
                                    <h3>{level.label()}</h3>
                                </div>
                                <p>{level_blurb(level)}</p>
                                <a href=href class="ladder__link" data-testid=format!("ladder-{}", level.key())>{label}</a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
        </Section>
    }
}

fn meter(i: Involvement, who: &'static str) -> impl IntoView {
    view! {
        <span class="involvement" role="img" aria-label=format!("{who}: {}", i.label())>
            {(1..=4).map(|n| view! { <span class="involvement__dot" class:involvement__dot--on=n <= i.level()></span> }).collect_view()}
            <span class="involvement__label" aria-hidden="true">{i.label()}</span>
        </span>
    }
}

#[component]
fn Ceremonies() -> impl IntoView {
    view! {
        <Section name="ceremonies" title="The ceremonies: who takes part, and how" testid="ceremonies" focusable=true>
            <WideTable label="Ceremonies table" class="ceremonies">
                <thead><tr>
                    <th scope="col">"Ceremony"</th>
                    <th scope="col" class="compare__role--pm">"Product Manager"</th>
                    <th scope="col" class="compare__role--po">"Product Owner"</th>
                    <th scope="col">"Sources"</th>
                </tr></thead>
                <tbody>
                    {CEREMONIES.iter().map(|c: &Ceremony| view! {
                        <tr id=format!("ceremony-{}", c.key)>
                            // The sources in a cell of their own: in the row header, a
                            // screen reader would read them again before every cell.
                            <th scope="row">{c.name}</th>
                            <td>{meter(c.pm, "Product Manager")}<p>{c.pm_role}</p></td>
                            <td>{meter(c.po, "Product Owner")}<p>{c.po_role}</p>{c.po_differs.map(says_otherwise)}</td>
                            <td class="ceremonies__sources">{cite(c.sources)}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </WideTable>
        </Section>
    }
}

#[component]
fn Debates() -> impl IntoView {
    view! {
        <Section name="debates" title="The debates: both sides, your call" testid="debates" focusable=true>
            <div class="debates">
                {DEBATES.iter().map(|d: &Debate| view! {
                    <article class="debate" id=format!("debate-{}", d.key)>
                        <h3>{d.question}</h3>
                        <div class="debate__sides">
                            <div class="debate__side"><p class="debate__label">{d.yes_label}</p><p>{d.yes}</p>{cite(d.yes_sources)}</div>
                            <div class="debate__side"><p class="debate__label">{d.no_label}</p><p>{d.no}</p>{cite(d.no_sources)}</div>
                        </div>
                    </article>
                }).collect_view()}
            </div>
        </Section>
    }
}

/// The ladder's badge: which hat owns the level, as the page heads' badges say it, but not
/// a link — on the explainer it could only lead back to where it is.
#[component]
fn HatMark(level: Level) -> impl IntoView {
    let state = AppState::expect();
    let ownership = Memo::new(move |_| crate::model::owner(level, state.ws.with(|w| w.roles)));
    view! {
        <span
            class=move || crate::components::hat_badge::hat_class(ownership.get())
            title=move || crate::text::ownership(ownership.get(), state.ws.with(|w| w.roles))
            data-testid="hat-badge"
            data-level=level.key()
        >
            {move || crate::text::hat_badge(ownership.get())}
        </span>
    }
}

//! The catalogue's small expression language: metric keys, numbers,
//! `+ - * /` (also `× ÷`), parentheses, and for checks one comparison
//! (`== != <= >= < >`). A key followed by `?` is optional: it counts as 0
//! when the record does not report it (`received_postal?`).

use crate::messages::Part;
use std::fmt;

/// A parsed formula or check expression.
#[derive(Clone, Debug, PartialEq)]
pub enum Expr {
    /// A literal number.
    Num(f64),
    /// A metric key.
    Var(String),
    /// A metric key that counts as 0 when missing.
    Opt(String),
    /// Unary minus.
    Neg(Box<Expr>),
    /// Arithmetic.
    Bin(Op, Box<Expr>, Box<Expr>),
    /// A comparison (checks only).
    Cmp(CmpOp, Box<Expr>, Box<Expr>),
}

/// Arithmetic operators.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Op {
    /// `+`
    Add,
    /// `-`
    Sub,
    /// `*` or `×`
    Mul,
    /// `/` or `÷`
    Div,
}

/// Comparison operators.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CmpOp {
    /// `==`
    Eq,
    /// `!=`
    Ne,
    /// `<=`
    Le,
    /// `>=`
    Ge,
    /// `<`
    Lt,
    /// `>`
    Gt,
}

/// How deeply parentheses and unary minus may nest: far above any real
/// formula, far below what would exhaust the stack.
pub const MAX_DEPTH: usize = 64;

/// How many numbers and keys one expression may hold: evaluation follows
/// the tree, whose depth grows with a chain of `+`.
pub const MAX_TERMS: usize = 256;

/// A syntax error in an expression, with the character column it is at.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormulaError {
    /// What is wrong.
    pub message: Part,
    /// 0-based character column in the expression.
    pub col: usize,
}

#[derive(Clone, Debug, PartialEq)]
enum Tok {
    Num(f64),
    Ident(String),
    Opt(String),
    Op(Op),
    Cmp(CmpOp),
    LParen,
    RParen,
}

/// The outcome of a check: both sides and whether the relation holds.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CheckOutcome {
    /// Left-hand value.
    pub lhs: f64,
    /// Right-hand value.
    pub rhs: f64,
    /// Whether the comparison holds (equality within `tolerance`).
    pub holds: bool,
}

impl Expr {
    /// Parses an expression.
    pub fn parse(src: &str) -> Result<Expr, FormulaError> {
        let toks = lex(src)?;
        let mut p = Parser {
            toks,
            pos: 0,
            depth: 0,
            terms: 0,
        };
        let e = p.comparison()?;
        if p.pos < p.toks.len() {
            return Err(p.err(Part::TrailingText));
        }
        Ok(e)
    }

    /// Every metric key the expression reads, in order of appearance.
    pub fn vars(&self) -> Vec<&str> {
        let mut out = Vec::new();
        self.collect(&mut out);
        out
    }

    fn collect<'a>(&'a self, out: &mut Vec<&'a str>) {
        match self {
            Expr::Num(_) => {}
            Expr::Var(v) | Expr::Opt(v) => out.push(v),
            Expr::Neg(e) => e.collect(out),
            Expr::Bin(_, a, b) | Expr::Cmp(_, a, b) => {
                a.collect(out);
                b.collect(out);
            }
        }
    }

    /// The keys that must be present for the expression to have a value.
    pub fn required(&self) -> Vec<&str> {
        let mut out = Vec::new();
        self.collect_required(&mut out);
        out
    }

    fn collect_required<'a>(&'a self, out: &mut Vec<&'a str>) {
        match self {
            Expr::Num(_) | Expr::Opt(_) => {}
            Expr::Var(v) => out.push(v),
            Expr::Neg(e) => e.collect_required(out),
            Expr::Bin(_, a, b) | Expr::Cmp(_, a, b) => {
                a.collect_required(out);
                b.collect_required(out);
            }
        }
    }

    /// Evaluates arithmetic; `None` when an input is missing or the result
    /// is not a finite number (division by zero).
    pub fn eval(&self, get: &dyn Fn(&str) -> Option<f64>) -> Option<f64> {
        let v = match self {
            Expr::Num(n) => *n,
            Expr::Var(k) => get(k)?,
            Expr::Opt(k) => get(k).unwrap_or(0.0),
            Expr::Neg(e) => -e.eval(get)?,
            Expr::Bin(op, a, b) => {
                let (a, b) = (a.eval(get)?, b.eval(get)?);
                match op {
                    Op::Add => a + b,
                    Op::Sub => a - b,
                    Op::Mul => a * b,
                    Op::Div => a / b,
                }
            }
            Expr::Cmp(..) => return self.check(get, 0.0).map(|o| f64::from(u8::from(o.holds))),
        };
        v.is_finite().then_some(v)
    }

    /// Evaluates a comparison; `None` when an input is missing or the
    /// expression is not a comparison.
    pub fn check(&self, get: &dyn Fn(&str) -> Option<f64>, tolerance: f64) -> Option<CheckOutcome> {
        let Expr::Cmp(op, a, b) = self else {
            return None;
        };
        let (lhs, rhs) = (a.eval(get)?, b.eval(get)?);
        let holds = match op {
            CmpOp::Eq => (lhs - rhs).abs() <= tolerance,
            CmpOp::Ne => (lhs - rhs).abs() > tolerance,
            CmpOp::Le => lhs <= rhs + tolerance,
            CmpOp::Ge => lhs + tolerance >= rhs,
            CmpOp::Lt => lhs < rhs + tolerance,
            CmpOp::Gt => lhs + tolerance > rhs,
        };
        Some(CheckOutcome { lhs, rhs, holds })
    }

    /// True when the expression is a comparison.
    pub fn is_comparison(&self) -> bool {
        matches!(self, Expr::Cmp(..))
    }
}

impl fmt::Display for CmpOp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            CmpOp::Eq => "==",
            CmpOp::Ne => "!=",
            CmpOp::Le => "<=",
            CmpOp::Ge => ">=",
            CmpOp::Lt => "<",
            CmpOp::Gt => ">",
        })
    }
}

fn lex(src: &str) -> Result<Vec<(Tok, usize)>, FormulaError> {
    let chars: Vec<char> = src.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let start = i;
        let two = |s: &str| {
            chars.get(i + 1) == s.chars().nth(1).as_ref() && c == s.chars().next().unwrap_or(' ')
        };
        let tok = match c {
            ' ' | '\t' => {
                i += 1;
                continue;
            }
            '+' => Tok::Op(Op::Add),
            '-' | '−' => Tok::Op(Op::Sub),
            '*' | '×' => Tok::Op(Op::Mul),
            '/' | '÷' => Tok::Op(Op::Div),
            '(' => Tok::LParen,
            ')' => Tok::RParen,
            _ if two("==") => Tok::Cmp(CmpOp::Eq),
            _ if two("!=") => Tok::Cmp(CmpOp::Ne),
            _ if two("<=") => Tok::Cmp(CmpOp::Le),
            _ if two(">=") => Tok::Cmp(CmpOp::Ge),
            '<' => Tok::Cmp(CmpOp::Lt),
            '>' => Tok::Cmp(CmpOp::Gt),
            c if c.is_ascii_digit() || c == '.' => {
                while i < chars.len() && (chars[i].is_ascii_digit() || chars[i] == '.') {
                    i += 1;
                }
                let text: String = chars[start..i].iter().collect();
                let n = text.parse().map_err(|_| FormulaError {
                    message: crate::msg!(Part::NotANumber, text),
                    col: start,
                })?;
                out.push((Tok::Num(n), start));
                continue;
            }
            c if c.is_ascii_lowercase() || c == '_' => {
                while i < chars.len() && (chars[i].is_ascii_alphanumeric() || chars[i] == '_') {
                    i += 1;
                }
                let name: String = chars[start..i].iter().collect();
                if chars.get(i) == Some(&'?') {
                    i += 1;
                    out.push((Tok::Opt(name), start));
                } else {
                    out.push((Tok::Ident(name), start));
                }
                continue;
            }
            other => {
                return Err(FormulaError {
                    message: crate::msg!(Part::FormulaUnexpectedCharacter, other),
                    col: start,
                });
            }
        };
        i += if matches!(tok, Tok::Cmp(CmpOp::Eq | CmpOp::Ne | CmpOp::Le | CmpOp::Ge)) {
            2
        } else {
            1
        };
        out.push((tok, start));
    }
    Ok(out)
}

struct Parser {
    toks: Vec<(Tok, usize)>,
    pos: usize,
    /// Open parentheses and unary minus around the current token.
    depth: usize,
    /// Numbers and keys read so far.
    terms: usize,
}

impl Parser {
    fn peek(&self) -> Option<&Tok> {
        self.toks.get(self.pos).map(|(t, _)| t)
    }

    fn err(&self, message: Part) -> FormulaError {
        let col = self
            .toks
            .get(self.pos)
            .map_or_else(|| self.toks.last().map_or(0, |t| t.1 + 1), |t| t.1);
        FormulaError { message, col }
    }

    fn comparison(&mut self) -> Result<Expr, FormulaError> {
        let lhs = self.sum()?;
        if let Some(Tok::Cmp(op)) = self.peek().cloned() {
            self.pos += 1;
            let rhs = self.sum()?;
            return Ok(Expr::Cmp(op, Box::new(lhs), Box::new(rhs)));
        }
        Ok(lhs)
    }

    fn sum(&mut self) -> Result<Expr, FormulaError> {
        let mut e = self.product()?;
        while let Some(Tok::Op(op @ (Op::Add | Op::Sub))) = self.peek().cloned() {
            self.pos += 1;
            e = Expr::Bin(op, Box::new(e), Box::new(self.product()?));
        }
        Ok(e)
    }

    fn product(&mut self) -> Result<Expr, FormulaError> {
        let mut e = self.unary()?;
        while let Some(Tok::Op(op @ (Op::Mul | Op::Div))) = self.peek().cloned() {
            self.pos += 1;
            e = Expr::Bin(op, Box::new(e), Box::new(self.unary()?));
        }
        Ok(e)
    }

    fn unary(&mut self) -> Result<Expr, FormulaError> {
        match self.peek().cloned() {
            Some(Tok::Op(Op::Sub)) => {
                self.enter()?;
                self.pos += 1;
                let e = Expr::Neg(Box::new(self.unary()?));
                self.depth -= 1;
                Ok(e)
            }
            Some(Tok::Num(n)) => {
                self.term()?;
                Ok(Expr::Num(n))
            }
            Some(Tok::Ident(k)) => {
                self.term()?;
                Ok(Expr::Var(k))
            }
            Some(Tok::Opt(k)) => {
                self.term()?;
                Ok(Expr::Opt(k))
            }
            Some(Tok::LParen) => {
                self.enter()?;
                self.pos += 1;
                let e = self.sum()?;
                if self.peek() != Some(&Tok::RParen) {
                    return Err(self.err(Part::ExpectedParen));
                }
                self.pos += 1;
                self.depth -= 1;
                Ok(e)
            }
            _ => Err(self.err(Part::ExpectedOperand)),
        }
    }

    /// One more level of nesting, refused past [`MAX_DEPTH`].
    fn enter(&mut self) -> Result<(), FormulaError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.err(crate::msg!(Part::NestedTooDeep, MAX_DEPTH)));
        }
        Ok(())
    }

    /// One more number or key, refused past [`MAX_TERMS`].
    fn term(&mut self) -> Result<(), FormulaError> {
        self.terms += 1;
        if self.terms > MAX_TERMS {
            return Err(self.err(crate::msg!(Part::TooManyTerms, MAX_TERMS)));
        }
        self.pos += 1;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vals(k: &str) -> Option<f64> {
        match k {
            "resolved_early" => Some(8906.0),
            "resolved_on_time" => Some(1638.0),
            "resolved" => Some(10816.0),
            "zero" => Some(0.0),
            _ => None,
        }
    }

    #[test]
    fn evaluates_with_precedence_and_parentheses() {
        let e = Expr::parse("(resolved_early + resolved_on_time) / resolved * 100").unwrap();
        assert!((e.eval(&vals).unwrap() - 97.485_207).abs() < 1e-4);
        assert_eq!(Expr::parse("2 + 3 × 4").unwrap().eval(&vals), Some(14.0));
        assert_eq!(Expr::parse("-(2 - 5) ÷ 3").unwrap().eval(&vals), Some(1.0));
        assert_eq!(
            Expr::parse("resolved - resolved_early - resolved_on_time")
                .unwrap()
                .eval(&vals),
            Some(272.0)
        );
    }

    #[test]
    fn missing_input_or_division_by_zero_gives_none() {
        assert_eq!(Expr::parse("received + 1").unwrap().eval(&vals), None);
        assert_eq!(Expr::parse("resolved / zero").unwrap().eval(&vals), None);
    }

    #[test]
    fn optional_keys_count_as_zero() {
        let e = Expr::parse("resolved_early + resolved_on_time + received_postal?").unwrap();
        assert_eq!(e.eval(&vals), Some(10544.0));
        assert_eq!(e.required(), vec!["resolved_early", "resolved_on_time"]);
        assert_eq!(
            e.vars(),
            vec!["resolved_early", "resolved_on_time", "received_postal"]
        );
    }

    #[test]
    fn comparisons() {
        let e = Expr::parse("resolved_early + resolved_on_time <= resolved").unwrap();
        assert!(e.check(&vals, 0.0).unwrap().holds);
        let e = Expr::parse("resolved == resolved_early").unwrap();
        let o = e.check(&vals, 0.5).unwrap();
        assert!(!o.holds);
        assert_eq!((o.lhs, o.rhs), (10816.0, 8906.0));
        assert_eq!(e.vars(), vec!["resolved", "resolved_early"]);
    }

    #[test]
    fn syntax_errors_have_columns() {
        let e = Expr::parse("received + ").unwrap_err();
        assert_eq!(e.col, 10);
        let e = Expr::parse("received $ 2").unwrap_err();
        assert_eq!(e.col, 9);
        assert!(Expr::parse("(a + b").is_err());
        assert!(Expr::parse("a b").is_err());
    }

    #[test]
    fn deep_nesting_is_refused_with_a_column() {
        for (open, close) in [("(", ")"), ("-", ""), ("-(", ")")] {
            let src = format!("{}1{}", open.repeat(14_000), close.repeat(14_000));
            let e = Expr::parse(&src).unwrap_err();
            assert_eq!(e.message.en(), "nesting deeper than 64 levels", "{open}");
            assert_eq!(e.col, MAX_DEPTH, "{open}");
        }
        // 64 levels are still a formula.
        let ok = format!("{}1{}", "(".repeat(MAX_DEPTH), ")".repeat(MAX_DEPTH));
        assert_eq!(Expr::parse(&ok).unwrap().eval(&vals), Some(1.0));
    }

    #[test]
    fn long_chains_are_refused_before_evaluation_could_overflow() {
        let chain = vec!["resolved"; 14_000].join(" + ");
        let e = Expr::parse(&chain).unwrap_err();
        assert_eq!(e.message.en(), "more than 256 numbers and keys");
        assert_eq!(e.col, 256 * "resolved + ".len());
        // The longest accepted chain evaluates, prints its keys and drops.
        let chain = vec!["1"; MAX_TERMS].join(" - ");
        let e = Expr::parse(&format!("{chain} <= 0")).unwrap_err();
        assert_eq!(e.message.en(), "more than 256 numbers and keys");
        let e = Expr::parse(&chain).unwrap();
        assert_eq!(e.eval(&vals), Some(2.0 - MAX_TERMS as f64));
        assert!(e.vars().is_empty() && e.required().is_empty());
    }
}
